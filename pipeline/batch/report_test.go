package batch

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/paralel/paralel/corpus"
)

func TestReport(t *testing.T) {
	tests := []struct {
		name string
		s    Summary
		want []string
	}{
		{"all well", Summary{Docs: 1, Aligned: 1, SrcSentences: 3, TgtSentences: 4, Links: 3, Kept: 3, Threshold: 0.8}, []string{
			"aligned 1 of 1 document: 3 source and 4 target sentences",
			"3 links, 0 doubtful (0.0%, scored under 0.8); 3 pairs kept",
		}},
		{"failures, warnings, filters", Summary{
			Docs: 3, Aligned: 2, Failed: []*DocError{{Doc: "b", Err: errors.New("b/en.txt: invalid UTF-8 at byte 3")}},
			SrcSentences: 10, TgtSentences: 30, Links: 8, Doubtful: 1, Threshold: 0.5, Kept: 1,
			Dropped:  corpus.Dropped{Unaligned: 7},
			Warnings: []Warning{{"c", "10 source and 30 target sentences: the texts may not cover the same content"}},
		}, []string{
			"aligned 2 of 3 documents (1 failed): 10 source and 30 target sentences",
			"8 links, 1 doubtful (12.5%, scored under 0.5); 1 pair kept",
			"dropped 7 pairs: 7 unaligned (1-0/0-1)",
			"warning: \"c\": 10 source and 30 target sentences: the texts may not cover the same content",
			"failed: \"b\": b/en.txt: invalid UTF-8 at byte 3",
		}},
		{"names quoted", Summary{
			Docs: 2, Aligned: 1, Failed: []*DocError{{Doc: "b\x1b[2J", Err: errors.New("empty")}},
			Threshold: 0.8, Warnings: []Warning{{"c\xff\u00eb", "both sides look English: is one of them the wrong file?"}},
		}, []string{
			"aligned 1 of 2 documents (1 failed): 0 source and 0 target sentences",
			"0 links, 0 doubtful (0%, scored under 0.8); 0 pairs kept",
			`warning: "c\xffë": both sides look English: is one of them the wrong file?`,
			`failed: "b\x1b[2J": empty`,
		}},
		{"nothing", Summary{Threshold: 0.8}, []string{
			"aligned 0 of 0 documents: 0 source and 0 target sentences",
			"0 links, 0 doubtful (0%, scored under 0.8); 0 pairs kept",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.Report())
		})
	}
}
