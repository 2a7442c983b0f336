s/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/\1 <redacted>/gI
s/\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/\1\2<redacted>/gI
s/\b[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?\b/<time>/g
s/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/<uuid>/g
s/\b0[xX][0-9a-fA-F]+\b/<hex>/g
s/\b[0-9a-fA-F]{8,}\b/\x01&\x02/g
s/\x01([0-9a-fA-F]*[0-9][0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*|[0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*[0-9][0-9a-fA-F]*)\x02/<hex>/g
s/\x01([0-9a-fA-F]*)\x02/\1/g
s/\b[A-Za-z0-9]+([_-][A-Za-z0-9]+)+\b/\x01&\x02/g
s/\x01([A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*|[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*)\x02/<id>/g
s/\x01([A-Za-z0-9_-]*)\x02/\1/g
s/\b[A-Za-z0-9]{6,}\b/\x01&\x02/g
s/\x01([A-Za-z0-9]*[0-9][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*)\x02/<id>/g
s/\x01([A-Za-z0-9]*)\x02/\1/g
s/(^|[^A-Za-z<0-9])[-+]?[0-9]+(\.[0-9]+)?/\1<n>/g
s/\s+/ /g
s/^ //
s/ $//
s/^(.{200}).+$/\1.../
