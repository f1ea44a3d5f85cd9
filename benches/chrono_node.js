// Times chrono-node (npm) over the same documents crosscheck reads, in one
// process: every .txt under the directories given, parsed with its own
// text as reference date context. Prints bytes, documents, seconds and
// the date/time mentions chrono found. Run by benches/chrono_node.sh.
const fs = require("fs");
const path = require("path");
const chrono = require("chrono-node");

function texts(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) texts(p, out);
    else if (e.name.endsWith(".txt")) out.push(fs.readFileSync(p, "utf8"));
  }
  return out;
}

const docs = process.argv.slice(2).flatMap((d) => texts(d, []));
const bytes = docs.reduce((n, t) => n + Buffer.byteLength(t), 0);
const reference = new Date(Date.UTC(2000, 0, 1));
const start = process.hrtime.bigint();
let found = 0;
for (const t of docs) found += chrono.parse(t, reference).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ bytes, documents: docs.length, seconds, found }));
