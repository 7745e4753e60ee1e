package moses

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestWriteRead(t *testing.T) {
	pairs := []corpus.Pair{
		{Src: "Rama foli.", Tgt: "Rama spoke.", Score: 0.9},
		{Src: "Po.\nJo.", Tgt: "Yes,\tno."},
		{Src: "Titulli"},
	}
	var src, tgt bytes.Buffer
	w := NewWriter(&src, &tgt)
	for _, p := range pairs {
		require.NoError(t, w.Write(p))
	}
	w.Flush()
	require.NoError(t, w.Error())
	assert.Equal(t, "Rama foli.\nPo. Jo.\nTitulli\n", src.String())
	assert.Equal(t, "Rama spoke.\nYes, no.\n\n", tgt.String())

	got, err := corpus.ReadAll(NewReader(&src, &tgt).Read)
	require.NoError(t, err)
	assert.Equal(t, []corpus.Pair{
		{Src: "Rama foli.", Tgt: "Rama spoke.", Unscored: true},
		{Src: "Po. Jo.", Tgt: "Yes, no.", Unscored: true},
		{Src: "Titulli", Unscored: true},
	}, got, "Moses carries no score")
}

func TestReadUnevenFiles(t *testing.T) {
	tests := []struct{ name, src, tgt, err string }{
		{"source shorter", "a\n", "A\nB\n", "moses: line 2: the source file ended before the target file"},
		{"target shorter", "a\nb\nc", "A\r\nB\r\n", "moses: line 3: the target file ended before the source file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.src), strings.NewReader(tt.tgt))
			var err error
			for err == nil {
				_, err = r.Read()
			}
			assert.EqualError(t, err, tt.err)
		})
	}
}

// FuzzReader checks that any two files give pairs and then io.EOF or a
// ParseError naming the line, never a panic, and that a pair read is one
// line of each file.
func FuzzReader(f *testing.F) {
	f.Add("Rama foli.\nPo.\n", "Rama spoke.\nYes.\n")
	f.Add("\ufeffa\r\nb", "A\nB\n")
	f.Add("a\n", "A\nB\n")
	f.Add("a\xff\n", "A\x00\n")
	f.Add("Po\x1b[31m.\r", "Yes\a.\r")
	f.Fuzz(func(t *testing.T, src, tgt string) {
		r := NewReader(strings.NewReader(src), strings.NewReader(tgt))
		for {
			p, err := r.Read()
			if err != nil {
				var pe *corpus.ParseError
				if err != io.EOF && (!errors.As(err, &pe) || pe.Format != "moses" || pe.Line < 1) {
					t.Fatalf("Read ended with %v: want io.EOF or a moses ParseError with a line", err)
				}
				return
			}
			assert.NotContains(t, p.Src+p.Tgt, "\n")
			assert.True(t, p.Unscored, "a Moses corpus has no scores")
		}
	})
}
