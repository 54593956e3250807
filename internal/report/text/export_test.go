package text

// SourceLine is sourceLine, for tests.
var SourceLine = sourceLine
