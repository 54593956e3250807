package oscal

// The subset of the OSCAL 1.0.6 assessment-results model annexlint writes,
// in the JSON form of testdata/oscal_assessment-results_schema.json. Field
// order is the schema's, so the output reads in the usual OSCAL order.

type document struct {
	AssessmentResults assessmentResults `json:"assessment-results"`
}

type assessmentResults struct {
	UUID       string        `json:"uuid"`
	Metadata   metadata      `json:"metadata"`
	ImportAP   importAP      `json:"import-ap"`
	Results    []oscalResult `json:"results"`
	BackMatter backMatter    `json:"back-matter"`
}

type metadata struct {
	Title        string `json:"title"`
	LastModified string `json:"last-modified"`
	Version      string `json:"version"`
	OSCALVersion string `json:"oscal-version"`
	Props        []prop `json:"props,omitempty"`
	Remarks      string `json:"remarks,omitempty"`
}

type prop struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Remarks string `json:"remarks,omitempty"`
}

type importAP struct {
	Href    string `json:"href"`
	Remarks string `json:"remarks,omitempty"`
}

type oscalResult struct {
	UUID             string           `json:"uuid"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	Start            string           `json:"start"`
	Props            []prop           `json:"props,omitempty"`
	ReviewedControls reviewedControls `json:"reviewed-controls"`
	Observations     []observation    `json:"observations,omitempty"`
	Findings         []oscalFinding   `json:"findings,omitempty"`
	Remarks          string           `json:"remarks,omitempty"`
}

type reviewedControls struct {
	Description       string             `json:"description,omitempty"`
	ControlSelections []controlSelection `json:"control-selections"`
}

type controlSelection struct {
	Description     string        `json:"description,omitempty"`
	IncludeAll      *struct{}     `json:"include-all,omitempty"`
	IncludeControls []controlByID `json:"include-controls,omitempty"`
	ExcludeControls []controlByID `json:"exclude-controls,omitempty"`
}

type controlByID struct {
	ControlID string `json:"control-id"`
}

type observation struct {
	UUID             string     `json:"uuid"`
	Title            string     `json:"title,omitempty"`
	Description      string     `json:"description"`
	Props            []prop     `json:"props,omitempty"`
	Methods          []string   `json:"methods"`
	Types            []string   `json:"types,omitempty"`
	RelevantEvidence []evidence `json:"relevant-evidence,omitempty"`
	Collected        string     `json:"collected"`
	Remarks          string     `json:"remarks,omitempty"`
}

type evidence struct {
	Href        string `json:"href,omitempty"`
	Description string `json:"description"`
	Props       []prop `json:"props,omitempty"`
}

type oscalFinding struct {
	UUID                string               `json:"uuid"`
	Title               string               `json:"title"`
	Description         string               `json:"description"`
	Props               []prop               `json:"props,omitempty"`
	Target              target               `json:"target"`
	RelatedObservations []relatedObservation `json:"related-observations,omitempty"`
	Remarks             string               `json:"remarks,omitempty"`
}

type target struct {
	Type        string          `json:"type"`
	TargetID    string          `json:"target-id"`
	Title       string          `json:"title,omitempty"`
	Description string          `json:"description,omitempty"`
	Status      objectiveStatus `json:"status"`
}

type objectiveStatus struct {
	State   string `json:"state"`
	Reason  string `json:"reason,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type relatedObservation struct {
	ObservationUUID string `json:"observation-uuid"`
}

type backMatter struct {
	Resources []resource `json:"resources"`
}

type resource struct {
	UUID        string `json:"uuid"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Props       []prop `json:"props,omitempty"`
	Remarks     string `json:"remarks,omitempty"`
}
