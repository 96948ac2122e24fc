"""Independent span proposer for hand labelling (not the project's code)."""
import json,re,sys
from pathlib import Path
d=Path('/work/shared/eval/boilerplate/train')
files=sys.argv[1:]
gold={json.loads(l)['file']:json.loads(l) for l in open(d/'gold.jsonl')}
def spans_in_line(s):
    out=[];i=0;n=len(s)
    while i<n:
        c=s[i]
        if c in '“"«„' or (c=='”' and (i==0 or not s[i-1].isalnum()) and i+1<n and s[i+1].isalnum()):
            closers={'“':'”"“','"':'"”“','«':'»','„':'“”','”':'”“'}[c]
            j=i+1
            while j<n and not (s[j] in closers and (j+1==n or not s[j+1].isalnum())): j+=1
            if c=='"' and j>=n:  # unbalanced straight
                i+=1; continue
            out.append((i,min(j+1,n))); i=j+1; continue
        if c=='‘' and (i==0 or not s[i-1].isalnum()):
            j=i+1
            while j<n and not (s[j] in '’‘' and (j+1==n or not s[j+1].isalnum())): j+=1
            if j<n: out.append((i,j+1)); i=j+1; continue
        if c=="'" and (i==0 or not s[i-1].isalnum()) and i+1<n and s[i+1].isalnum():
            j=i+1
            while j<n and not (s[j]=="'" and (j+1==n or not s[j+1].isalnum())): j+=1
            if j<n and j-i<120: out.append((i,j+1)); i=j+1; continue
        i+=1
    return out
res={}
for f in files:
    t=open(d/f,encoding='utf-8',newline='').read()
    lines=t.split('\n'); off=0; recs=[]
    labels=gold[f]['labels']
    for k,l in enumerate(lines,1):
        lab=labels.get(str(k))
        if lab in ('body','title'):
            for a,b in spans_in_line(l):
                recs.append({'start':off+a,'end':off+b,'line':k,'text':t[off+a:off+b]})
        off+=len(l)+1
    res[f]=recs
json.dump(res,open('/tmp/lab/proposed.json','w'),ensure_ascii=False,indent=0)
for f,r in res.items(): print(f,len(r))
print(sum(len(r) for r in res.values()))
