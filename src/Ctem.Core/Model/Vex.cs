namespace Ctem.Core.Model;

/// <summary>
/// Ctem's analysis states: OpenVEX's four plus <see cref="FalsePositive"/>, which CycloneDX has and OpenVEX and CSAF
/// express as <c>not_affected</c>. The mapping to each format is documented in docs/cli.md ("VEX mapping").
/// </summary>
public enum VexState
{
    Unspecified = 0,
    NotAffected,
    Affected,
    Fixed,
    UnderInvestigation,
    FalsePositive,
}

/// <summary>OpenVEX's five justifications for <c>not_affected</c>; the other formats' are mapped onto them.</summary>
public enum VexJustification
{
    Unspecified = 0,
    ComponentNotPresent,
    VulnerableCodeNotPresent,
    VulnerableCodeNotInExecutePath,
    VulnerableCodeCannotBeControlledByAdversary,
    InlineMitigationsAlreadyExist,
}

/// <summary>
/// A component a statement is about. <see cref="Purl"/> without a version covers every version, narrowed by
/// <see cref="VersRange"/> (a <c>vers:</c> range) when given; <see cref="Cpe"/> is kept where the document gives one.
/// </summary>
public sealed record VexTarget(string? Purl, string? VersRange = null, string? Cpe = null)
{
    /// <summary>
    /// What the document calls the component when it gives no purl (a CSAF product name, a CycloneDX component's
    /// name or a bom-link): kept for messages, never matched on.
    /// </summary>
    public string? Name { get; init; }
}

/// <summary>
/// One statement of a VEX document: the analysis of one vulnerability for a set of components, with who said it and
/// when. <see cref="Product"/> is the release the components belong to when the document names one (an OpenVEX
/// product with subcomponents, a CSAF product tree's top product); null when the statement is about the components
/// wherever they occur.
/// </summary>
public sealed record VexStatement(
    string VulnerabilityId,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<VexTarget> Targets,
    VexState State)
{
    public string? Product { get; init; }

    public VexJustification Justification { get; init; }

    /// <summary>The justification as the document wrote it ("code_not_reachable", a CSAF flag label), kept for the explanation.</summary>
    public string? FormatJustification { get; init; }

    /// <summary>Why: OpenVEX <c>impact_statement</c>, CycloneDX <c>analysis.detail</c>, CSAF threat details.</summary>
    public string? Detail { get; init; }

    /// <summary>What to do, for <c>affected</c>: OpenVEX <c>action_statement</c>, CSAF remediation details, CycloneDX recommendation.</summary>
    public string? ActionStatement { get; init; }

    /// <summary>CycloneDX <c>analysis.response</c> values and CSAF remediation categories ("update", "will_not_fix", …).</summary>
    public IReadOnlyList<string> Responses { get; init; } = [];

    /// <summary>What Ctem holds that backs the statement (for suggestions and exports), one sentence each.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>When the statement was made: its own timestamp, else the document's.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Who made it: the statement's or document's author.</summary>
    public string? Author { get; init; }

    /// <summary>Where in the document it is (a JSON pointer or XPath-like place), for messages.</summary>
    public string? Location { get; init; }
}

/// <summary>A VEX document as read: its identity, author and time, and its statements in document order.</summary>
public sealed record VexDocument(string Format, string? Id, string? Author, DateTimeOffset? Timestamp, IReadOnlyList<VexStatement> Statements);

/// <summary>Who issues an exported VEX document and whose product it is (from <c>ctem.yaml</c>).</summary>
public sealed record VexParty(string Name, string? Contact = null, string? Namespace = null);

/// <summary>
/// What <c>ctem vex export</c> writes: one statement per (vulnerability, component) known for the release, each with
/// exactly one target carrying the component's full purl. Writers must be deterministic: the same export gives the
/// same bytes (ids derived from content, <see cref="Timestamp"/> from the data, never the clock).
/// </summary>
public sealed record VexExport(
    string Product,
    string? Release,
    VexParty Author,
    VexParty? Supplier,
    DateTimeOffset Timestamp,
    string ToolName,
    string ToolVersion,
    IReadOnlyList<VexStatement> Statements);
