#!/usr/bin/env python3
"""Print the exported interface of a shared library, one fact per line, in a
form that can be diffed against abi.symbols (see exports.sh).

usage: elf-exports.py LIB          -> "sym NAME VERSION KIND SIZE" lines
       elf-exports.py --abi FILE   -> the same lines from abi.symbols

Also, for LIB: "marker NODE" for each version-node marker symbol (the ABS
symbols GNU ld emits per version node), "verdef NODE PARENT" for each
version definition (PARENT '-' for none) and "soname NAME".  Sorted."""
import re
import subprocess
import sys


def readelf(*args):
    return subprocess.run(["readelf", "-W"] + list(args), check=True,
                          capture_output=True, text=True).stdout


def from_lib(path):
    out = []
    for line in readelf("--dyn-syms", path).splitlines():
        f = line.split()
        if len(f) < 8 or not f[0].endswith(":") or f[6] == "UND":
            continue
        _, _, size, typ, bind, _, ndx, name = f[:8]
        if bind not in ("GLOBAL", "WEAK"):
            continue
        if ndx == "ABS" and "@" not in name:
            continue  # a version-node marker: listed from objdump below
        if "@" not in name:
            out.append("unversioned %s" % name)
            continue
        sym, ver = re.split("@@?", name, maxsplit=1)
        if typ in ("FUNC", "IFUNC"):
            out.append("sym %s %s func -" % (sym, ver))
        elif typ in ("OBJECT", "TLS"):
            out.append("sym %s %s data %d" % (sym, ver, int(size, 0)))
        else:
            out.append("sym %s %s %s %s" % (sym, ver, typ.lower(), size))
        if not name.startswith(sym + "@@"):
            out.append("nondefault %s@%s" % (sym, ver))
    # Marker symbols: readelf hides their version, objdump -T shows it.
    od = subprocess.run(["objdump", "-T", path], check=True, capture_output=True,
                        text=True).stdout
    for line in od.splitlines():
        f = line.split()
        if "*ABS*" in f:
            i = f.index("*ABS*")
            rest = f[i + 2:]
            out.append("marker %s %s" % (rest[-1], " ".join(rest[:-1])))
    # Version definitions: "Name: X" lines, each followed by its parents.
    cur = None
    for line in readelf("-V", path).split("Version needs")[0].splitlines():
        m = re.search(r"Flags: (\S+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)", line)
        if m:
            if cur and not cur[2]:
                out.append("verdef %s -" % cur[0])
            cur = [m.group(2), m.group(1), False]
            if m.group(1) == "BASE":
                out.append("verdef-base %s" % cur[0])
                cur[2] = True
            continue
        m = re.search(r"Parent \d+: (\S+)", line)
        if m and cur:
            out.append("verdef %s %s" % (cur[0], m.group(1)))
            cur[2] = True
    if cur and not cur[2]:
        out.append("verdef %s -" % cur[0])
    for line in readelf("-d", path).splitlines():
        m = re.search(r"\(SONAME\).*\[(.*)\]", line)
        if m:
            out.append("soname %s" % m.group(1))
    return out


def from_abi(path):
    out = []
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        name, node, kind, size = line.rstrip("\n").split("\t")[:4]
        out.append("sym %s %s %s %s" % (name, node, kind, size))
    return out


def main():
    if sys.argv[1] == "--abi":
        lines = from_abi(sys.argv[2])
    else:
        lines = from_lib(sys.argv[1])
    sys.stdout.write("".join(l + "\n" for l in sorted(lines)))


if __name__ == "__main__":
    main()
