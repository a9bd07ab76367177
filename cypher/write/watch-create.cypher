// A new watch (active, nothing seen yet: its first evaluation records what it sees without raising alerts).
CREATE (w:Watch)
SET w = $watch, w.active = true
RETURN w {.*} AS watch
