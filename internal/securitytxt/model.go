package securitytxt

import "strings"

// File is a parsed security.txt.
type File struct {
	// Signed is true when the file is wrapped in an OpenPGP cleartext
	// signature. The signature is not verified.
	Signed   bool      `json:"signed"`
	Fields   []Field   `json:"fields"`
	Problems []Problem `json:"problems"`
}

// Field is one "Name: value" line. Name is in the RFC's spelling for the
// fields it defines (names are case insensitive) and as written otherwise.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Line  int    `json:"line"`
}

// Problem is an RFC violation or a point worth a policy's attention. Line is
// 0 for problems about the file as a whole (e.g. a missing field).
type Problem struct {
	Line int    `json:"line"`
	Code string `json:"code"`
	Msg  string `json:"message"`
}

// Problem codes.
const (
	CodeContactMissing          = "contact_missing"
	CodeExpiresMissing          = "expires_missing"
	CodeExpiresDuplicate        = "expires_duplicate"
	CodeExpiresInvalid          = "expires_invalid"
	CodeExpired                 = "expired"
	CodeExpiresTooFar           = "expires_too_far"
	CodeLanguagesDuplicate      = "preferred_languages_duplicate"
	CodeLanguagesInvalid        = "preferred_languages_invalid"
	CodeInvalidURI              = "invalid_uri"
	CodeInsecureURI             = "insecure_uri"
	CodeCSAFNotProviderMetadata = "csaf_not_provider_metadata"
	CodeUnknownField            = "unknown_field"
	CodeInvalidLine             = "invalid_line"
	CodeMissingSpace            = "missing_space"
	CodeEmptyValue              = "empty_value"
	CodeInvalidUTF8             = "invalid_utf8"
	CodeSignatureNotVerified    = "signature_not_verified"
	CodeSignatureMalformed      = "signature_malformed"
	CodeOutsideSignature        = "content_outside_signature"
)

// Values returns the values of every field with the given name (case
// insensitive), in file order.
func (f *File) Values(name string) []string {
	var out []string
	for _, fl := range f.Fields {
		if strings.EqualFold(fl.Name, name) {
			out = append(out, fl.Value)
		}
	}
	return out
}
