import sys, textwrap
text = " ".join(l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip())
lines = textwrap.wrap(text, 42)
cues = [lines[i:i+2] for i in range(0, len(lines), 2)]
def ts(s, sep): return "%02d:%02d:%02d%s%03d" % (s//3600, s//60%60, s%60, sep, 0)
srt = open(sys.argv[2] + ".srt", "w", encoding="utf-8", newline="\r\n")
vtt = open(sys.argv[2] + ".vtt", "w", encoding="utf-8")
vtt.write("WEBVTT\nKind: captions\nLanguage: en\n\nNOTE made from testdata/rama\n\n")
for i, c in enumerate(cues):
    a, b = 3*i, 3*i+3
    srt.write("%d\n%s --> %s\n%s\n\n" % (i+1, ts(a, ","), ts(b, ","), "\n".join(c)))
    body = "\n".join(c).replace("&", "&amp;")
    if i % 3 == 1: body = "<i>" + body + "</i>"
    settings = " align:start position:10%" if i % 4 == 2 else ""
    vtt.write("%s%s --> %s%s\n%s\n\n" % ("cue-%d\n" % i if i % 2 else "", ts(a, "."), ts(b, "."), settings, body))
