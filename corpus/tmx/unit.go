package tmx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// SetProp returns the <tu> element unit (as a Reader with KeepXML gives it)
// with its prop of type typ set to value: the prop is replaced, or added
// before the unit's other content, or removed when value is empty. The
// rest of the unit is left as it is written.
func SetProp(unit, typ, value string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(unit))
	d.Strict = true
	var (
		depth    int
		openEnd  int64 = -1 // where the <tu> start tag ends
		propFrom int64 = -1 // where the prop being read starts
	)
	for {
		from := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return unit, fmt.Errorf("tmx: set %s: %w", typ, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && t.Name.Local != "tu":
				return unit, fmt.Errorf("tmx: set %s: not a <tu> but <%s>", typ, corpus.Clip(t.Name.Local, 40))
			case depth == 1:
				openEnd = d.InputOffset()
			case depth == 2 && t.Name.Local == "prop" && attr(t, "type") == typ:
				propFrom = from
			}
		case xml.EndElement:
			depth--
			if depth == 1 && propFrom >= 0 {
				// Replace the prop, or remove it with the space before it.
				to := d.InputOffset()
				if value == "" {
					return strings.TrimRight(unit[:propFrom], " \t\r\n") + unit[to:], nil
				}
				return unit[:propFrom] + propXML(typ, value) + unit[to:], nil
			}
			if depth == 0 {
				if value == "" {
					return unit, nil
				}
				if openEnd == d.InputOffset() || strings.HasSuffix(unit[:openEnd], "/>") {
					return unit, errors.New("tmx: set " + typ + ": the <tu> is empty")
				}
				// Added first, indented like what follows the start tag.
				rest := unit[openEnd:]
				space := rest[:len(rest)-len(strings.TrimLeft(rest, " \t\r\n"))]
				return unit[:openEnd] + space + propXML(typ, value) + rest, nil
			}
		}
	}
}

func propXML(typ, value string) string {
	return fmt.Sprintf(`<prop type="%s">%s</prop>`, escape(typ, true), escape(value, false))
}
