using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Storage;

/// <summary>One row of <c>vex_statements</c>, both ways.</summary>
internal sealed class VexStatementRow
{
    public const string Columns = """
        s.id AS Id, s.source AS Source, s.format AS Format, s.document_id AS DocumentId, s.content_sha256 AS ContentSha256,
        s.ordinal AS Ordinal, s.product AS Product, s.finding_id AS FindingId, s.vulnerability_id AS VulnerabilityId,
        s.aliases_json AS AliasesJson, s.targets_json AS TargetsJson, s.state AS State, s.justification AS Justification,
        s.format_justification AS FormatJustification, s.detail AS Detail, s.action_statement AS ActionStatement,
        s.responses_json AS ResponsesJson, s.evidence_json AS EvidenceJson, s.author AS Author, s.at AS At,
        s.imported_at AS ImportedAt, s.location AS Location
        """;

    public const string InsertSql = """
        INSERT INTO vex_statements (source, format, document_id, content_sha256, ordinal, product, finding_id, vulnerability_id,
            aliases_json, targets_json, state, justification, format_justification, detail, action_statement, responses_json,
            evidence_json, author, at, imported_at, location)
        VALUES (@Source, @Format, @DocumentId, @ContentSha256, @Ordinal, @Product, @FindingId, @VulnerabilityId,
            @AliasesJson, @TargetsJson, @State, @Justification, @FormatJustification, @Detail, @ActionStatement, @ResponsesJson,
            @EvidenceJson, @Author, @At, @ImportedAt, @Location)
        ON CONFLICT (content_sha256, ordinal) DO NOTHING
        RETURNING id
        """;

    public long Id { get; set; }

    public string Source { get; set; } = string.Empty;

    public string Format { get; set; } = string.Empty;

    public string? DocumentId { get; set; }

    public string ContentSha256 { get; set; } = string.Empty;

    public long Ordinal { get; set; }

    public string? Product { get; set; }

    public long? FindingId { get; set; }

    public string VulnerabilityId { get; set; } = string.Empty;

    public string AliasesJson { get; set; } = "[]";

    public string TargetsJson { get; set; } = "[]";

    public string State { get; set; } = string.Empty;

    public string? Justification { get; set; }

    public string? FormatJustification { get; set; }

    public string? Detail { get; set; }

    public string? ActionStatement { get; set; }

    public string ResponsesJson { get; set; } = "[]";

    public string EvidenceJson { get; set; } = "[]";

    public string? Author { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? Location { get; set; }

    public static VexStatementRow From(NewVexStatement added, DateTimeOffset importedAt)
    {
        var statement = added.Statement;
        return new VexStatementRow
        {
            Source = added.Source,
            Format = added.Format,
            DocumentId = added.DocumentId,
            ContentSha256 = added.ContentSha256,
            Ordinal = added.Ordinal,
            Product = added.Product,
            FindingId = added.FindingId,
            VulnerabilityId = statement.VulnerabilityId,
            AliasesJson = StorageJson.Serialize(statement.Aliases),
            TargetsJson = StorageJson.Serialize(statement.Targets),
            State = VexNames.Name(statement.State),
            Justification = VexNames.Name(statement.Justification),
            FormatJustification = statement.FormatJustification,
            Detail = statement.Detail,
            ActionStatement = statement.ActionStatement,
            ResponsesJson = StorageJson.Serialize(statement.Responses),
            EvidenceJson = StorageJson.Serialize(statement.Evidence),
            Author = statement.Author,
            At = added.At,
            ImportedAt = importedAt,
            Location = statement.Location,
        };
    }

    public StoredVexStatement ToStored() => new(Id, ToStatement(), Source, Format, At, ImportedAt)
    {
        DocumentId = DocumentId,
        Product = Product,
        FindingId = FindingId,
    };

    public FindingVex ToFindingVex()
    {
        var statement = ToStatement();
        return new FindingVex(Id, statement.State, statement.Justification, Detail, Source, Author, At) { ActionStatement = ActionStatement };
    }

    private VexStatement ToStatement() => new(
        VulnerabilityId,
        StorageJson.Strings(AliasesJson),
        StorageJson.Deserialize<VexTarget[]>(TargetsJson),
        VexNames.StateOf(State) ?? throw new InvalidOperationException($"unknown VEX state '{State}' in the database"))
    {
        Product = Product,
        Justification = Justification is null ? VexJustification.Unspecified
            : VexNames.JustificationOf(Justification) ?? throw new InvalidOperationException($"unknown VEX justification '{Justification}' in the database"),
        FormatJustification = FormatJustification,
        Detail = Detail,
        ActionStatement = ActionStatement,
        Responses = StorageJson.Strings(ResponsesJson),
        Evidence = StorageJson.Strings(EvidenceJson),
        Timestamp = At,
        Author = Author,
        Location = Location,
    };
}
