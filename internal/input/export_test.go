package input

// HasText is hasText (lib.has_text's Go twin) for the external tests.
var HasText = hasText
