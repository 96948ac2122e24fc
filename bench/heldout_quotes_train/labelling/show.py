import json,sys
from pathlib import Path
d=Path('/work/shared/eval/boilerplate/train')
P=json.load(open('/tmp/lab/proposed.json'))
gold={json.loads(l)['file']:json.loads(l) for l in open(d/'gold.jsonl')}
f=sys.argv[1]
t=open(d/f,encoding='utf-8',newline='').read()
lines=t.split('\n');labels=gold[f]['labels']
recs=P[f]; byline={}
for i,r in enumerate(recs): byline.setdefault(r['line'],[]).append((i,r))
off=0
for k,l in enumerate(lines,1):
    lab=labels.get(str(k))
    if lab in('body','title'):
        s=l; 
        for i,r in sorted(byline.get(k,[]),key=lambda x:-x[1]['start']):
            a=r['start']-off;b=r['end']-off
            s=s[:a]+f'[{i}|'+s[a:b]+f'|{i}]'+s[b:]
        print(f'{k}{"T" if lab=="title" else ""}: {s}')
    off+=len(l)+1
