package io.tdev.ops.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("tdev-ops");
    }
}
