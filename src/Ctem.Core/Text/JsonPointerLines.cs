using System.Text;
using System.Text.Json;

namespace Ctem.Core.Text;

/// <summary>
/// The lines JSON pointers point at. Parsers read JSON into trees that keep no positions, so the lines of the places
/// they name (<c>/components/17</c>) are looked up afterwards, in one forward pass that skips every subtree no pointer
/// enters.
/// </summary>
public static class JsonPointerLines
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>
    /// The one-based line each pointer's value starts on. Pointers that name nothing are absent, and so is everything
    /// after the point where the text stops being JSON: a line is a help, never a reason to fail.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Find(ReadOnlySpan<byte> json, IReadOnlyCollection<string> pointers)
    {
        ArgumentNullException.ThrowIfNull(pointers);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = pointers.ToHashSet(StringComparer.Ordinal);
        var entered = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (var pointer in wanted)
        {
            for (var slash = pointer.IndexOf('/', 1); slash > 0; slash = pointer.IndexOf('/', slash + 1))
            {
                entered.Add(pointer[..slash]);
            }
        }

        var lines = new LineCounter(json);
        var bom = json.StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(json[bom..], Options);
        var containers = new Stack<(string Pointer, int Index)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                var here = Here(containers, property);
                property = null;
                if (here is not null && wanted.Contains(here))
                {
                    found.TryAdd(here, lines.LineAt(bom + (int)reader.TokenStartIndex));
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (here is not null && entered.Contains(here))
                    {
                        containers.Push((here, 0));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON past this point (a parser may have accepted trailing text): the lines found so far stand.
        }

        return found;
    }

    // The pointer of the value about to be read, advancing the enclosing array's index.
    private static string? Here(Stack<(string Pointer, int Index)> containers, string? property)
    {
        if (containers.Count == 0)
        {
            return "";
        }

        var (parent, index) = containers.Pop();
        containers.Push((parent, index + 1));
        var token = property is null
            ? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        return $"{parent}/{token}";
    }

    /// <summary>Counts newlines forward only, so a whole pass costs one scan of the text.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _counted;
        private int _line = 1;

        public int LineAt(int offset)
        {
            _line += _text[_counted..offset].Count((byte)'\n');
            _counted = offset;
            return _line;
        }
    }
}
