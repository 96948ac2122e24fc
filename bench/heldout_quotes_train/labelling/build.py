import json,re
from pathlib import Path
d=Path('/work/shared/eval/boilerplate/train')
P=json.load(open('/tmp/lab/proposed.json'))
gold={json.loads(l)['file']:json.loads(l) for l in open(d/'gold.jsonl')}
out=[]
for lf in sorted(Path('/tmp/lab').glob('L_*.txt')):
    key=lf.stem[2:]; f=[x for x in P if x.startswith(key+'_')][0]
    t=open(d/f,encoding='utf-8',newline='').read(); lines=t.split('\n')
    starts=[0]
    for l in lines: starts.append(starts[-1]+len(l)+1)
    recs=P[f]; qs=[]
    rows=[l for l in lf.read_text().splitlines() if l.strip()]
    assert len(rows)==len(recs),(f,len(rows),len(recs))
    for row in rows:
        mod=None
        if '|' in row: row,mod=row.split('|'); row=row.strip()
        parts=row.split(' ',2); i=int(parts[0]); k=parts[1]
        sp=parts[2].strip() if len(parts)>2 and parts[2].strip() else None
        r=recs[i]; s,e=r['start'],r['end']
        if mod and mod.startswith('E'):
            ln=int(mod[1:]); e=starts[ln-1]+len(lines[ln-1])
        kind={'s':'speech','t':'term'}[k]
        if kind=='term': sp=None
        qs.append({'start':s,'end':e,'kind':kind,'speaker':sp,'text':t[s:e]})
    out.append({'file':f,'quotes':qs})
# uncovered quote marks check
for rec in out:
    f=rec['file'];t=open(d/f,encoding='utf-8',newline='').read();lines=t.split('\n');off=0
    cov=set()
    for q in rec['quotes']: cov.update(range(q['start'],q['end']))
    for k,l in enumerate(lines,1):
        if gold[f]['labels'].get(str(k)) in ('body','title'):
            for j,c in enumerate(l):
                if c in '“”"«»„‘' and off+j not in cov: print('uncovered',f,k,repr(l[max(0,j-30):j+30]))
        off+=len(l)+1
with open('/tmp/lab/gold.jsonl','w') as o:
    for rec in out: o.write(json.dumps(rec,ensure_ascii=False)+'\n')
n=sum(len(r['quotes']) for r in out); sp=sum(1 for r in out for q in r['quotes'] if q['kind']=='speech'); ws=sum(1 for r in out for q in r['quotes'] if q['speaker'])
print(len(out),'docs',n,'spans',sp,'speech',n-sp,'term',ws,'with speaker')
