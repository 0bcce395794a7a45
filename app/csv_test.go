package app

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestAppendCSVWritesAsEncodingCSV: appendCSV writes each record byte for
// byte as encoding/csv's Writer does.
func TestAppendCSVWritesAsEncodingCSV(t *testing.T) {
	for _, rec := range [][]string{
		{"date", "pain"}, {""}, {"", ""}, {"a,b"}, {`say "hi"`}, {"two\nlines"}, {"cr\rhere"}, {"crlf\r\n"},
		{" lead"}, {"\tlead"}, {"\u00a0nbsp"}, {"trail "}, {`\.`}, {`\.x`}, {"ñandú", "'=1+2"}, {`"`}, {"x", "", "y,z"},
	} {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if got := appendCSV(nil, rec...); string(got) != want.String() {
			t.Errorf("appendCSV(%q) = %q, encoding/csv writes %q", rec, got, want.String())
		}
	}
}
