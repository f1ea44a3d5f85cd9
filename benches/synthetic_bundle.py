#!/usr/bin/env python3
# Usage: synthetic_bundle.py CORPUS_DIR OUT_DIR N
# Replicates every corpus document into one bundle of N documents with distinct ids.
import sys, tomllib, pathlib, shutil
root = pathlib.Path(sys.argv[1]); out = pathlib.Path(sys.argv[2]); n = int(sys.argv[3])
docs = []
for b in sorted(p for p in root.iterdir() if p.is_dir()):
    man = b / "bundle.toml"
    entries = tomllib.loads(man.read_text()).get("document", []) if man.exists() else []
    if not entries:
        entries = [{"file": f.name} for f in sorted(b.iterdir()) if f.suffix in (".txt", ".md") and f.name.lower() != "readme.md"]
    for e in entries:
        docs.append((b, e))
if out.exists(): shutil.rmtree(out)
out.mkdir(parents=True)
lines = ['title = "synthetic"']
i = 0
while i < n:
    for b, e in docs:
        if i >= n: break
        src = b / e["file"]
        name = f"r{i:04d}-{b.name[:12]}-{src.name}"
        shutil.copy(src, out / name)
        lines.append("\n[[document]]")
        lines.append(f'file = "{name}"')
        for k in ("source", "published", "timezone", "url"):
            if k in e:
                v = e[k]
                lines.append(f'{k} = "{v}"' if isinstance(v, str) else f'{k} = {v.isoformat() if hasattr(v,"isoformat") else v}')
        i += 1
(out / "bundle.toml").write_text("\n".join(lines) + "\n")
print(len(docs), "source docs;", n, "written")
