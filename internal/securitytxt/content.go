package securitytxt

// Content is the file as policies see it (the content of a security-txt
// document in the policy input): every field with its value and, for
// Expires, the instant in UTC ("utc", absent when the value is not an RFC
// 3339 date-time), plus every problem with its code. Each field and each
// problem about a line carries a "loc" member with that line, which the
// document reader moves into the source map. Parse it with a zero reference
// time: the expiry depends on the --as-of date, which policies hold.
func (f *File) Content() map[string]any {
	fields := make([]any, 0, len(f.Fields))
	for _, fl := range f.Fields {
		m := map[string]any{"name": fl.Name, "value": fl.Value, "loc": loc(fl.Line)}
		if fl.Name == "Expires" {
			if utc, ok := ExpiresUTC(fl.Value); ok {
				m["utc"] = utc
			}
		}
		fields = append(fields, m)
	}
	problems := make([]any, 0, len(f.Problems))
	for _, p := range f.Problems {
		m := map[string]any{"code": p.Code, "message": p.Msg}
		if p.Line > 0 {
			m["loc"] = loc(p.Line)
		}
		problems = append(problems, m)
	}
	return map[string]any{
		"format":   "security.txt",
		"signed":   f.Signed,
		"fields":   fields,
		"problems": problems,
	}
}

func loc(line int) map[string]any {
	return map[string]any{"line": line, "column": 1}
}
