package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeadlineEnd(t *testing.T) {
	tests := []struct {
		lang, text, headline string
	}{
		{"en", "Welsh AMs worried about 'looking like muppets' There is consternation among some AMs.", "Welsh AMs worried about 'looking like muppets' "},
		{"en", "Shark injures boy on lobster dive in California A shark attacked a boy.", "Shark injures boy on lobster dive in California "},
		{"en", "Sainsbury's plans push into UK beauty market Sainsbury's is taking on Boots.", "Sainsbury's plans push into UK beauty market "},
		{"sq", "Numri i të vdekurve shkon në 832 Numri i vdekjeve është rritur.", "Numri i të vdekurve shkon në 832 "},
		{"sq", "Policia përplaset me separatistët katalanë Gjashtë persona janë arrestuar.", "Policia përplaset me separatistët katalanë "},
		// No starter after the run, a full stop or a colon first, too short,
		// too long.
		{"en", "Volcano spews ash on Mexico City Ash from the volcano reached it.", ""},
		{"en", "Long Lartin prison: Six officers hurt.", ""},
		{"en", "He came home. There was nobody.", ""},
		{"en", "Big win The team won.", ""},
		{"en", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix The end.", ""},
		{"en", "", ""},
		{"xx", "Welsh AMs worried about muppets There is consternation.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s, err := NewSplitter(tt.lang)
			require.NoError(t, err)
			assert.Equal(t, tt.headline, tt.text[:s.HeadlineEnd(tt.text)])
		})
	}
}
