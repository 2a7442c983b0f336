package io.tdev.ops.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port whose AWS adapter, and so its SDK client, is built on the port's first call. A command uses a few of the
 * thirteen ports (a health check: six clients of thirteen), and building a client costs tens of milliseconds of a
 * short command's start: the others are never built. Signals that run in parallel build their clients in
 * parallel, on their own threads.
 */
final class LazyPort<P> implements InvocationHandler {
    private final Class<P> port;
    private final Supplier<? extends P> build;
    private volatile P adapter;

    private LazyPort(Class<P> port, Supplier<? extends P> build) {
        this.port = port;
        this.build = build;
    }

    /** {@code port}, calling the adapter {@code build} makes on the first call of any of its methods. */
    static <P> P of(Class<P> port, Supplier<? extends P> build) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new LazyPort<>(port, build)));
    }

    /** The adapter behind a port made by {@link #of} (built now if it was not), else the port itself. */
    static Object adapter(Object port) {
        if (Proxy.isProxyClass(port.getClass()) && Proxy.getInvocationHandler(port) instanceof LazyPort<?> lazy) {
            return lazy.adapter();
        }
        return port;
    }

    P adapter() {
        P a = adapter;
        if (a == null) {
            synchronized (this) {
                a = adapter;
                if (a == null) {
                    a = build.get();
                    adapter = a;
                }
            }
        }
        return a;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "lazy " + port.getSimpleName() + (adapter == null ? " (not built yet)" : ": " + adapter);
            };
        }
        try {
            return method.invoke(adapter(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
