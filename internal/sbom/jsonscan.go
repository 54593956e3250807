package sbom

import (
	"encoding/json"
	"strings"
)

// The detector reads only the top-level keys of a JSON document. Decoding
// into a struct with encoding/json would scan the whole input twice (validate,
// then decode); this scanner walks it once, without allocating per value, and
// checks the nesting depth on the way. Syntax errors are left to the decoders
// that run next, which report them with offsets.

// jsonTop maps lower-cased top-level keys to their raw values (sub-slices of
// the input). Keys are matched case-insensitively, as encoding/json does when
// cyclonedx-go and tools-golang decode; a repeated key keeps its last value.
type jsonTop map[string][]byte

// scanResult says how scanTopLevel ended.
type scanResult int

const (
	scanOK        scanResult = iota
	scanMalformed            // not well-formed where the scanner looked
	scanTooDeep              // nesting beyond maxDepth at the returned offset
)

// scanTopLevel walks the object that starts at data[start] == '{'.
func scanTopLevel(data []byte, start int) (jsonTop, int, scanResult) {
	top := jsonTop{}
	end, res := scanObject(data, start, 1, func(key []byte, vStart, vEnd int) {
		top[keyName(key)] = data[vStart:vEnd]
	})
	if res != scanOK {
		return nil, end, res
	}
	return top, end, scanOK
}

// scanObject walks the object that starts at data[start] == '{', whose
// members sit at nesting level depth, and calls fn with each raw key (without
// quotes, escapes as written) and the offsets of its value. It returns the
// offset after the object.
func scanObject(data []byte, start, depth int, fn func(key []byte, vStart, vEnd int)) (int, scanResult) {
	i, members := start+1, 0
	for {
		i = skipWS(data, i)
		if i >= len(data) {
			return i, scanMalformed
		}
		if data[i] == '}' {
			return i + 1, scanOK
		}
		if members > 0 || data[i] == ',' {
			if data[i] != ',' {
				return i, scanMalformed
			}
			i = skipWS(data, i+1)
		}
		kEnd, ok := skipString(data, i)
		if !ok {
			return i, scanMalformed
		}
		key := data[i+1 : kEnd-1]
		i = skipWS(data, kEnd)
		if i >= len(data) || data[i] != ':' {
			return i, scanMalformed
		}
		vStart := skipWS(data, i+1)
		vEnd, res := skipValue(data, vStart, depth)
		if res != scanOK {
			return vEnd, res
		}
		fn(key, vStart, vEnd)
		members++
		i = vEnd
	}
}

func keyName(raw []byte) string {
	k := string(raw)
	if strings.IndexByte(k, '\\') >= 0 {
		var s string
		if json.Unmarshal([]byte(`"`+k+`"`), &s) == nil {
			k = s
		}
	}
	return strings.ToLower(k)
}

func skipWS(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// skipString returns the offset after the string starting at data[i] == '"'.
func skipString(data []byte, i int) (int, bool) {
	if i >= len(data) || data[i] != '"' {
		return i, false
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return len(data), false
}

// skipValue returns the offset after the value at data[i]. depth is the
// nesting level of the value's container; containers are walked iteratively.
func skipValue(data []byte, i, depth int) (int, scanResult) {
	if i >= len(data) {
		return i, scanMalformed
	}
	switch data[i] {
	case '"':
		end, ok := skipString(data, i)
		if !ok {
			return end, scanMalformed
		}
		return end, scanOK
	case '{', '[':
		level := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				end, ok := skipString(data, j)
				if !ok {
					return end, scanMalformed
				}
				j = end - 1
			case '{', '[':
				level++
				if depth+level > maxDepth {
					return j, scanTooDeep
				}
			case '}', ']':
				level--
				if level == 0 {
					return j + 1, scanOK
				}
			}
		}
		return len(data), scanMalformed
	default:
		j := i
		for j < len(data) && !isSpace(data[j]) && data[j] != ',' && data[j] != '}' && data[j] != ']' {
			j++
		}
		if j == i {
			return j, scanMalformed
		}
		return j, scanOK
	}
}

// arrayNulls counts the elements of a raw JSON array and finds the first null
// one (-1 if none). A value that is not an array counts as empty.
func arrayNulls(raw []byte) (count, firstNull int) {
	firstNull = -1
	if len(raw) == 0 || raw[0] != '[' {
		return 0, -1
	}
	i := skipWS(raw, 1)
	for i < len(raw) && raw[i] != ']' {
		end, res := skipValue(raw, i, 1)
		if res != scanOK {
			return count, firstNull
		}
		if firstNull < 0 && string(raw[i:end]) == "null" {
			firstNull = count
		}
		count++
		i = skipWS(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipWS(raw, i+1)
		}
	}
	return count, firstNull
}

// ListedItems counts the items of a JSON SBOM's top-level lists that become
// records of the normalised model (CycloneDX components, dependencies and
// vulnerabilities; SPDX packages, files and relationships), without
// decoding it. A caller can bound the model's size before building it: one
// million components written as {} take 3 MB on disk and gigabytes decoded.
// Anything that is not a JSON object counts 0.
func ListedItems(data []byte) int {
	data = stripBOM(data)
	start := skipWS(data, 0)
	if start >= len(data) || data[start] != '{' {
		return 0
	}
	top, _, res := scanTopLevel(data, start)
	if res != scanOK {
		return 0
	}
	n := 0
	for _, key := range []string{"components", "dependencies", "vulnerabilities", "packages", "files", "relationships"} {
		c, _ := arrayNulls(top[key])
		n += c
	}
	return n
}
