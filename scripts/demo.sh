#!/bin/sh
# The demo: lint, re-print and convert the bundled pool of 500 real-shaped
# slot ads (corpus/match/machines.ads, old long form as condor_status -long
# prints it), then show the parser's diagnostics on a broken ad.
set -e
cd "$(dirname "$0")/.."
ads=corpus/match/machines.ads
echo "== classad lint $ads"
node bin/classad.js lint "$ads" && echo "no syntax errors in $(grep -c '^Name = ' "$ads") ads"
echo
echo "== the first ad, converted to new syntax (classad fmt --to new)"
node bin/classad.js fmt --to new "$ads" | sed -n '1,/^]/p'
echo
echo "== formatting is stable: fmt of fmt's output changes nothing (classad fmt --check)"
node bin/classad.js fmt "$ads" | node bin/classad.js fmt --check - && echo "stable"
echo
echo "== canonical printing, new and old syntax (classad print --lines [--old])"
printf '%s\n' 'TARGET.Memory>=1024&&(MY.x=?=undefined)' 'LoadAvg < .3' '"C:\\dir\\" ' '[b=1;a=2;B=3]' > /tmp/classad-demo.$$
node bin/classad.js print --lines < /tmp/classad-demo.$$
node bin/classad.js print --lines --old < /tmp/classad-demo.$$
rm -f /tmp/classad-demo.$$
echo
echo "== every syntax error of a broken ad, with positions (classad lint)"
printf 'Owner = "alice"\nRequestMemory = 1024 *\nArgs = "a\n\nRank = (Memory\n' | node bin/classad.js lint - || true

echo
echo "== evaluation (classad eval, in the style of HTCondor's classad_eval)"
node bin/classad.js eval 'RequestMemory = 2048' 'x = RequestMemory * 2' 'x' 'strcat("mem=", x)' 'regexps("a(b)c", "xxabcxx", "[\\1]", "f")'
echo
echo "== the best 5 machines for a job (classad match --best 5)"
node bin/classad.js match corpus/match/jobs/standard.ad "$ads" --best 5
echo
echo "== why the others do not match (classad analyze)"
node bin/classad.js analyze corpus/match/jobs/standard.ad "$ads"
echo
echo "== a job_queue.log marshalled for a move, then restored on the new host (jobqmd)"
log=corpus/jobq/j01-tiny-live
node bin/jobqmd.js marshal $log.log --map $log.map -o /tmp/classad-demo-m.$$
grep -m 3 -F '$(SPOOL)' /tmp/classad-demo-m.$$ | cut -c1-110
node bin/jobqmd.js demarshal /tmp/classad-demo-m.$$ --map $log.map | cmp - $log.log && echo "demarshal(marshal(log)) is byte-identical"
rm -f /tmp/classad-demo-m.$$

echo
echo "== where could this schedd move? (schedd_migrate --dry-run against the pool)"
node bin/schedd_migrate.js --machines "$ads" --job corpus/match/jobs/standard.ad --dry-run --show 3 | sed -n '1,8p'
