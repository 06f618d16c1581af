using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Ctem.Plugins.Parsers;

/// <summary>Why a TOML file could not be read, and where (<c>line:column</c>, one-based) when Tomlyn says.</summary>
internal sealed record TomlProblem(string Message, string? Location);

/// <summary>
/// The one way TOML lockfile parsers load their input (Tomlyn): invalid UTF-8, syntax and semantic errors (duplicate
/// keys, redefined tables) become a <see cref="TomlProblem"/>, and the <c>[[header]]</c> tables keep their line.
/// </summary>
internal sealed class TomlInventory
{
    private readonly Dictionary<TomlTable, int> _lines = new(ReferenceEqualityComparer.Instance);

    private TomlInventory(TomlTable root) => Root = root;

    public TomlTable Root { get; }

    /// <summary>"line N" of a table written as a top-level <c>[[name]]</c> header; null for any other table.</summary>
    public string? LocationOf(TomlTable table) => _lines.TryGetValue(table, out var line) ? $"line {line}" : null;

    /// <summary>Reads the whole input, parses it and hands the document to <paramref name="read"/>.</summary>
    public static async Task<InventoryResult> ReadAsync(InputSource source, Func<TomlInventory, InventoryResult> read, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        return TryParse(buffer.ToArray(), out var document, out var error)
            ? read(document)
            : InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid TOML: {error.Message}", error.Location));
    }

    public static bool TryParse(byte[] bytes, [NotNullWhen(true)] out TomlInventory? document, [NotNullWhen(false)] out TomlProblem? problem)
    {
        document = null;
        if (Utf8Position.FirstInvalid(bytes) is { } badByte)
        {
            problem = new TomlProblem("the file is not valid UTF-8", badByte);
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        try
        {
            // Validation finds what the model reader lets through (a key defined twice); the tree also gives header lines.
            var syntax = SyntaxParser.Parse(text, sourceName: null, validate: true);
            if (syntax.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).MinBy(d => d.Span.Start.Offset) is { } first)
            {
                problem = new TomlProblem(first.Message, $"{first.Span.Start.Line + 1}:{first.Span.Start.Column + 1}");
                return false;
            }

            document = new TomlInventory(TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable());
            document.IndexHeaders(syntax);
            problem = null;
            return true;
        }
        catch (TomlException ex)
        {
            // Nesting deeper than Tomlyn's limit (64) ends here, not in a stack overflow; Tomlyn gives no place for it.
            problem = new TomlProblem(ex.Message, ex.Line is { } line ? $"{line}:{ex.Column}" : null);
            return false;
        }
    }

    /// <summary>Pairs each top-level <c>[[name]]</c> header, in file order, with the table it appended.</summary>
    private void IndexHeaders(DocumentSyntax syntax)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var header in syntax.Tables.OfType<TableArraySyntax>())
        {
            var name = header.Name is { DotKeys.ChildrenCount: 0 } key ? key.Key switch
            {
                BareKeySyntax bare => bare.Key?.Text,
                StringValueSyntax quoted => quoted.Value,
                _ => null,
            } : null;
            if (name is null || !Root.TryGetValue(name, out var value) || value is not TomlTableArray tables)
            {
                continue;
            }

            var index = seen.GetValueOrDefault(name);
            seen[name] = index + 1;
            if (index < tables.Count)
            {
                _lines[tables[index]] = header.Span.Start.Line + 1;
            }
        }
    }
}
