# Where a node run's cache misses (or instructions) go, by JavaScript function: callgrind knows nothing of V8's JIT
# code, so this names it from the map V8 writes with --perf-basic-prof. Counts are simulated, so they do not move with
# the machine's mood, and a second run with a shorter horizon, subtracted, leaves the steady state (docs/performance.md).
#
#   valgrind --tool=callgrind --cache-sim=yes --dump-instr=yes --D1=49152,12,64 --I1=32768,8,64 --LL=1048576,16,64 \
#     --callgrind-out-file=OUT node --single-threaded --perf-basic-prof SCRIPT   (the map is /tmp/perf-PID.map)
#
# usage: python3 bench/tools/callgrind-jit.py OUT MAP [OUT2 MAP2] [--callers NAME] [--top N]
#   per function: its own costs, sorted by simulated last-level data misses (LLd: with --LL at the per-core L2's
#   size, the accesses that leave the core's caches);
#   --callers NAME: instead, the calls into functions whose name contains NAME (a builtin such as
#   FindOrderedHashMapEntry, the Map look-up), by the JavaScript function at the call site, with their inclusive costs.
# Adding builtins' costs to their JavaScript callers wholesale would not work: JS calls JS through builtins too, so
# whole subtrees would be counted twice. A map entry is the last code at its address (V8 reuses code space; rarely
# matters in steady state).
import argparse, bisect, collections

EVENTS = ['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw']

def code_names(perf_map):
    entries = {}
    for line in open(perf_map):
        start, size, name = line.rstrip('\n').split(' ', 2)
        entries[int(start, 16)] = (int(size, 16), name)
    starts = sorted(entries)
    ends = [a + entries[a][0] for a in starts]
    names = [entries[a][1].replace('file://', '') for a in starts]
    def name_of(address):
        i = bisect.bisect_right(starts, address) - 1
        return names[i] if i >= 0 and address < ends[i] else None
    return name_of

def costs(out, perf_map, callers_of=None):
    name_of = code_names(perf_map)
    totals = collections.defaultdict(lambda: [0] * len(EVENTS))
    ids = {}  # callgrind's compressed names: "(12) name" defines id 12, "(12)" uses it (in fn= and cfn= lines alike)
    def name(text):
        key, _, given = text.strip().partition(')')
        given = given.strip()
        if given: ids[key] = given
        return ids.get(key, given)
    function, callee, last, in_call = '?', '', 0, False
    for line in open(out):
        if line[0] in '#\n': continue
        if line.startswith('fn='): function = name(line[3:]); continue
        if line.startswith('cfn='): callee = name(line[4:]); continue
        if line.startswith('calls='): in_call = True; continue  # the next cost line is the call's inclusive cost
        if line[0].isalpha(): continue
        fields = line.split()
        p = fields[0]
        address = int(p, 16) if p.startswith('0x') else last + int(p[1:]) if p[0] == '+' else last - int(p[1:]) if p[0] == '-' else last
        last = address
        here = (name_of(address) if function.startswith('0x') else None) or function
        if in_call:
            in_call = False
            if callers_of is None or callers_of not in callee: continue
        elif callers_of is not None:
            continue
        row = totals[here]
        for i, value in enumerate(fields[2:2 + len(EVENTS)]): row[i] += int(value)
    return totals

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('runs', nargs='+', help='OUT MAP [OUT2 MAP2]')
    parser.add_argument('--callers')
    parser.add_argument('--top', type=int, default=40)
    args = parser.parse_args()
    if len(args.runs) not in (2, 4): parser.error('give OUT MAP, or OUT MAP OUT2 MAP2')
    table = costs(args.runs[0], args.runs[1], args.callers)
    if len(args.runs) == 4:
        base = costs(args.runs[2], args.runs[3], args.callers)
        zero = [0] * len(EVENTS)
        table = {k: [a - b for a, b in zip(table.get(k, zero), base.get(k, zero))] for k in set(table) | set(base)}
    misses = lambda row: row[7] + row[8]
    total = [sum(row[i] for row in table.values()) for i in range(len(EVENTS))]
    what = f'calls into *{args.callers}*' if args.callers else 'all'
    print(f'{what}: {total[0] / 1e9:.2f} G instructions, {(total[4] + total[5]) / 1e6:.1f} M D1 misses, {misses(total) / 1e6:.2f} M LLd misses')
    for key, row in sorted(table.items(), key=lambda kv: -misses(kv[1]))[:args.top]:
        print(f'{misses(row) / 1e6:7.2f} M LLd {100 * misses(row) / max(1, misses(total)):5.1f} %  {(row[4] + row[5]) / 1e6:6.1f} M D1  {row[0] / 1e6:6.0f} M Ir  {key[:100]}')

main()
