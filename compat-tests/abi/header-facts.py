#!/usr/bin/env python3
"""Build a C++ program that prints every fact of the GnuTLS headers that a
program compiled against them can depend on, so that the facts of our headers
and of the reference headers can be diffed (see constants.sh):

  const NAME = VALUE TYPE     enum constants and object-like macros (integers
                              by value, strings as strings, others by type)
  layout TYPE size/align      every struct fully defined in the headers,
  member TYPE.M off/size        and each member's offset and size
  typedef NAME TYPE           every typedef, as the C++ ABI mangles its type
  symbol NAME TYPE            every function/variable of abi.symbols that the
                              headers declare, by mangled type (typedefs and
                              struct tags resolved exactly as a C++ consumer
                              such as libgnutlsxx would see them)

usage: header-facts.py OUTDIR ABI_SYMBOLS INCDIR_A INCDIR_B
Writes OUTDIR/facts.cc that compiles against both INCDIRs: items that fail to
compile against one set are dropped iteratively and listed in
OUTDIR/dropped-<a|b>.txt (dropped by both = not a value, e.g. a type macro;
dropped by one only = a difference, reported by constants.sh)."""
import os
import re
import subprocess
import sys

HEADERS = []  # filled from INCDIR_A/gnutls/*.h


def preprocess(inc, defines):
    src = "".join("#include <gnutls/%s>\n" % h for h in HEADERS)
    # Scanned as C: no extern "C" blocks around the declarations.
    args = ["gcc", "-std=gnu11", "-E", "-x", "c", "-I", inc, "-"]
    if defines:
        args.insert(2, "-dD")
    return subprocess.run(args, input=src, capture_output=True, text=True,
                          check=True).stdout


def gnutls_segments(text, inc):
    """Keep only the lines that come from INC/gnutls/*.h."""
    keep, out = False, []
    gdir = os.path.realpath(os.path.join(inc, "gnutls"))
    for line in text.splitlines():
        m = re.match(r'# \d+ "([^"]+)"', line)
        if m:
            keep = os.path.realpath(os.path.dirname(m.group(1))) == gdir
            continue
        if keep:
            out.append(line)
    return "\n".join(out)


def split_depth0(s, sep):
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def match_brace(s, i):
    """Index just past the brace block starting at s[i] == '{'."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(s)


def declarator_name(decl):
    decl = re.sub(r"__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)", "", decl)
    m = re.search(r"\(\s*\*\s*(\w+)\s*\)", decl)
    if m:
        return m.group(1)
    if "(" in decl:  # a function type: the name precedes the parameters
        decl = decl[:decl.index("(")]
    decl = re.sub(r"\[[^\]]*\]", "", decl)
    decl = re.sub(r"__attribute__\s*\(\(.*\)\)", "", decl)
    decl = decl.split(":")[0]  # bit-field width
    ids = re.findall(r"[A-Za-z_]\w*", decl)
    return ids[-1] if ids else None


def member_names(body):
    names = []
    for decl in split_depth0(body, ";"):
        decl = decl.strip()
        if not decl:
            continue
        if "{" in decl:
            i = decl.index("{")
            j = match_brace(decl, i)
            tail = decl[j:].strip()
            if tail:
                names += [declarator_name(d) for d in split_depth0(tail, ",")]
            else:  # anonymous struct/union: its members are ours
                names += member_names(decl[i + 1:j - 1])
            continue
        first, *rest = split_depth0(decl, ",")
        names.append(declarator_name(first))
        names += [declarator_name(r) for r in rest]
    return [n for n in names if n]


def scan(text):
    enums, structs, typedefs = set(), {}, set()
    for m in re.finditer(r"\benum\s*(\w*)\s*\{", text):
        i = m.end() - 1
        body = text[i + 1:match_brace(text, i) - 1]
        for item in split_depth0(body, ","):
            mm = re.match(r"\s*([A-Za-z_]\w*)", item)
            if mm:
                enums.add(mm.group(1))
    for m in re.finditer(r"\b(typedef\s+)?(struct|union)\s+(\w*)\s*\{", text):
        i = m.end() - 1
        j = match_brace(text, i)
        members = member_names(text[i + 1:j - 1])
        if m.group(3):
            structs["%s %s" % (m.group(2), m.group(3))] = members
        if m.group(1):
            tail = text[j:text.index(";", j)]
            for d in split_depth0(tail, ","):
                n = declarator_name(d)
                if n and "*" not in d:
                    structs[n] = members
    # typedef statements at file scope
    for stmt in split_depth0(text, ";"):
        stmt = stmt.strip()
        if not stmt.startswith("typedef"):
            continue
        stmt = stmt[len("typedef"):]
        # drop brace bodies
        while "{" in stmt:
            i = stmt.index("{")
            stmt = stmt[:i] + stmt[match_brace(stmt, i):]
        first, *rest = split_depth0(stmt, ",")
        for d in [first] + rest:
            n = declarator_name(d)
            if n:
                typedefs.add(n)
    return enums, structs, typedefs


def macros(inc, listing):
    """Object-like macros with a value; every macro name (function-like ones
    marked with '(') goes to LISTING."""
    names, every = set(), set()
    for line in gnutls_segments(preprocess(inc, True), inc).splitlines():
        m = re.match(r"#define\s+([A-Za-z_]\w*)(\(?)\s*(.*)", line)
        if not m:
            continue
        every.add(m.group(1) + m.group(2))
        if not m.group(2) and m.group(3).strip():
            names.add(m.group(1))
    with open(listing, "w") as f:
        f.writelines(n + "\n" for n in sorted(every))
    return names


PRELUDE = r"""// Generated by compat-tests/abi/header-facts.py: do not edit.
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <typeinfo>
%s
template <class I> static void pint(const char *name, I v, const char *type)
{
    if (std::is_signed<I>::value)
        std::printf("const %%s = %%lld %%s\n", name, (long long)v, type);
    else
        std::printf("const %%s = %%llu %%s\n", name, (unsigned long long)v, type);
}
template <class T> static void pv(const char *name, const T &v)
{
    typedef typename std::decay<T>::type D;
    if constexpr (std::is_enum<D>::value)
        pint(name, (typename std::underlying_type<D>::type)v, typeid(D).name());
    else if constexpr (std::is_integral<D>::value)
        pint(name, v, typeid(D).name());
    else if constexpr (std::is_same<D, const char *>::value || std::is_same<D, char *>::value)
        std::printf("const %%s = \"%%s\" string\n", name, v);
    else
        std::printf("const %%s = ? %%s\n", name, typeid(D).name());
}
// Values only for what is a value: for a macro naming a function or a type
// expression, only the type (no odr-use, so nothing to link).
#define C(x)                                                                   \
    {                                                                          \
        typedef std::decay<decltype(x)>::type D_;                              \
        if constexpr (std::is_arithmetic<D_>::value || std::is_enum<D_>::value || \
                      std::is_same<D_, const char *>::value || std::is_same<D_, char *>::value) \
            pv(#x, x);                                                         \
        else                                                                   \
            std::printf("const %%s = ? %%s\n", #x, typeid(D_).name());        \
    }
#define L(t) std::printf("layout %%s %%zu/%%zu\n", #t, sizeof(t), alignof(t));
#define M(t, m) std::printf("member %%s.%%s %%zu/%%zu\n", #t, #m, offsetof(t, m), sizeof(((t *)0)->m));
#define T(t) std::printf("typedef %%s %%s\n", #t, typeid(t).name());
#define S(s) std::printf("symbol %%s %%s\n", #s, typeid(decltype(s)).name());
int main()
{
"""


def main():
    outdir, abi, inc_a, inc_b = sys.argv[1:5]
    HEADERS.extend(sorted(h for h in os.listdir(os.path.join(inc_a, "gnutls"))
                          if h.endswith(".h")))
    items = set()
    for tag, inc in (("a", inc_a), ("b", inc_b)):
        text = gnutls_segments(preprocess(inc, False), inc)
        enums, structs, typedefs = scan(text)
        mac = macros(inc, os.path.join(outdir, "macros-%s.txt" % tag))
        items |= {"C(%s)" % n for n in enums | mac}
        for t, members in structs.items():
            items.add("L(%s)" % t)
            items |= {"M(%s, %s)" % (t, m) for m in members}
        items |= {"T(%s)" % n for n in typedefs}
    for line in open(abi):
        if not line.startswith("#") and line.strip():
            items.add("S(%s)" % line.split("\t")[0])
    items = sorted(items)
    includes = "".join("#include <gnutls/%s>\n" % h for h in HEADERS)
    dropped = {}
    for tag, inc in (("a", inc_a), ("b", inc_b)):
        cur = list(items)
        gone = []
        while True:
            path = os.path.join(outdir, "facts-%s.cc" % tag)
            with open(path, "w") as f:
                f.write(PRELUDE % includes)
                f.writelines("    %s\n" % it for it in cur)
                f.write("    return 0;\n}\n")
            first = PRELUDE.count("\n") + includes.count("\n") + 1  # line of cur[0]
            r = subprocess.run(["g++", "-std=gnu++17", "-fsyntax-only", "-w",
                                "-fmax-errors=0", "-I", inc, path],
                               capture_output=True, text=True)
            if r.returncode == 0:
                break
            bad = set()
            for m in re.finditer(re.escape(path) + r":(\d+):\d+: (?:error|note: in expansion)", r.stderr):
                idx = int(m.group(1)) - first
                if 0 <= idx < len(cur):
                    bad.add(idx)
            if not bad:
                sys.exit("header-facts: cannot compile %s:\n%s" % (path, r.stderr[:3000]))
            gone += [cur[i] for i in sorted(bad)]
            cur = [it for i, it in enumerate(cur) if i not in bad]
        dropped[tag] = set(gone)
        with open(os.path.join(outdir, "dropped-%s.txt" % tag), "w") as f:
            f.writelines(g + "\n" for g in sorted(gone))
    # The program both sides run: what compiles against both sets.
    common = [it for it in items if it not in dropped["a"] and it not in dropped["b"]]
    with open(os.path.join(outdir, "facts.cc"), "w") as f:
        f.write(PRELUDE % includes)
        f.writelines("    %s\n" % it for it in common)
        f.write("    return 0;\n}\n")


if __name__ == "__main__":
    main()
