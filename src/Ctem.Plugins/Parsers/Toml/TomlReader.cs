using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Ctem.Plugins.Parsers.Toml;

/// <summary>
/// Reads TOML 1.0 (and the newlines and trailing commas TOML 1.1 allows in inline tables) into <see cref="TomlTable"/>s:
/// enough for Cargo.lock, poetry.lock, uv.lock and pyproject.toml. Dates stay text; nesting is bounded so a hostile
/// file cannot exhaust the stack.
/// </summary>
internal sealed class TomlReader
{
    private const int MaxDepth = 128;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _text;
    private readonly List<int> _lineStarts = [0];
    private int _position;

    private TomlReader(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    public static bool TryParse(byte[] bytes, [NotNullWhen(true)] out TomlTable? root, [NotNullWhen(false)] out TomlError? error)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            root = null;
            error = new TomlError("the file is not valid UTF-8", 1, 1);
            return false;
        }

        return TryParse(text, out root, out error);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out TomlTable? root, [NotNullWhen(false)] out TomlError? error)
    {
        var reader = new TomlReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        try
        {
            root = reader.ReadDocument();
            error = null;
            return true;
        }
        catch (TomlSyntaxException ex)
        {
            var (line, column) = reader.PositionOf(ex.Position);
            root = null;
            error = new TomlError(ex.Message, line, column);
            return false;
        }
    }

    /// <summary>The one-based line of a character offset.</summary>
    private int LineOf(int position)
    {
        var index = _lineStarts.BinarySearch(position);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private (int Line, int Column) PositionOf(int position)
    {
        var line = LineOf(Math.Min(position, _text.Length));
        return (line, Math.Min(position, _text.Length) - _lineStarts[line - 1] + 1);
    }

    private TomlTable ReadDocument()
    {
        var root = new TomlTable(1) { Defined = true };
        var current = root;
        while (true)
        {
            SkipBlank(newlines: true);
            if (AtEnd)
            {
                return root;
            }

            if (Current == '[')
            {
                current = ReadHeader(root);
            }
            else
            {
                ReadKeyValue(current, depth: 0);
            }

            ExpectEndOfLine();
        }
    }

    private TomlTable ReadHeader(TomlTable root)
    {
        var start = _position;
        var isArray = _position + 1 < _text.Length && _text[_position + 1] == '[';
        _position += isArray ? 2 : 1;
        SkipBlank(newlines: false);
        var keys = ReadKey();
        SkipBlank(newlines: false);
        if (Current != ']' || (isArray && (_position + 1 >= _text.Length || _text[_position + 1] != ']')))
        {
            throw Error(isArray ? "expected ']]' to close the array-of-tables header" : "expected ']' to close the table header");
        }

        _position += isArray ? 2 : 1;
        var line = LineOf(start);
        var parent = root;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            parent = Descend(parent, keys[i], start, line);
        }

        var last = keys[^1];
        if (isArray)
        {
            var table = new TomlTable(line) { Defined = true };
            switch (parent.Values.GetValueOrDefault(last))
            {
                case null:
                    var array = new TomlTableArray();
                    array.Tables.Add(table);
                    parent.Values[last] = array;
                    break;
                case TomlTableArray existing:
                    existing.Tables.Add(table);
                    break;
                default:
                    throw Error($"'{string.Join('.', keys)}' is already defined as something other than an array of tables", start);
            }

            return table;
        }

        switch (parent.Values.GetValueOrDefault(last))
        {
            case null:
                var created = new TomlTable(line) { Defined = true };
                parent.Values[last] = created;
                return created;
            case TomlTable { Defined: false, Inline: false } implicitTable:
                implicitTable.Defined = true;
                return implicitTable;
            default:
                throw Error($"the table '{string.Join('.', keys)}' is defined more than once", start);
        }
    }

    /// <summary>Walks one key of a header: into a table (made implicitly if new) or the last table of an array of tables.</summary>
    private TomlTable Descend(TomlTable parent, string key, int position, int line)
    {
        switch (parent.Values.GetValueOrDefault(key))
        {
            case null:
                var created = new TomlTable(line);
                parent.Values[key] = created;
                return created;
            case TomlTable { Inline: false } table:
                return table;
            case TomlTableArray array:
                return array.Tables[^1];
            default:
                throw Error($"'{key}' is already a value and cannot hold a table", position);
        }
    }

    private void ReadKeyValue(TomlTable table, int depth)
    {
        var start = _position;
        var keys = ReadKey();
        SkipBlank(newlines: false);
        if (Current != '=')
        {
            throw Error("expected '=' after the key");
        }

        _position++;
        SkipBlank(newlines: false);
        var target = table;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            switch (target.Values.GetValueOrDefault(keys[i]))
            {
                case null:
                    var created = new TomlTable(LineOf(start));
                    target.Values[keys[i]] = created;
                    target = created;
                    break;
                case TomlTable { Inline: false } existing:
                    target = existing;
                    break;
                default:
                    throw Error($"'{keys[i]}' is already a value and cannot hold a key", start);
            }
        }

        if (target.Values.ContainsKey(keys[^1]))
        {
            throw Error($"the key '{string.Join('.', keys)}' is defined more than once", start);
        }

        target.Values[keys[^1]] = ReadValue(depth);
    }

    private List<string> ReadKey()
    {
        var keys = new List<string>();
        while (true)
        {
            SkipBlank(newlines: false);
            keys.Add(Current switch
            {
                '"' => ReadBasicString(),
                '\'' => ReadLiteralString(),
                _ => ReadBareKey(),
            });
            SkipBlank(newlines: false);
            if (Current != '.')
            {
                return keys;
            }

            _position++;
        }
    }

    private string ReadBareKey()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '-'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("expected a key");
    }

    private object ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"values are nested more than {MaxDepth} deep");
        }

        return Current switch
        {
            '"' when StartsWith("\"\"\"") => ReadMultilineBasicString(),
            '"' => ReadBasicString(),
            '\'' when StartsWith("'''") => ReadMultilineLiteralString(),
            '\'' => ReadLiteralString(),
            '[' => ReadArray(depth),
            '{' => ReadInlineTable(depth),
            _ when AtEnd || Current is '\n' or '\r' or '#' => throw Error("expected a value"),
            _ => ReadScalar(),
        };
    }

    private List<object> ReadArray(int depth)
    {
        _position++;
        var items = new List<object>();
        while (true)
        {
            SkipBlank(newlines: true);
            if (Current == ']')
            {
                _position++;
                return items;
            }

            items.Add(ReadValue(depth + 1));
            SkipBlank(newlines: true);
            if (Current == ',')
            {
                _position++;
            }
            else if (Current != ']')
            {
                throw Error("expected ',' or ']' in the array");
            }
        }
    }

    private TomlTable ReadInlineTable(int depth)
    {
        var table = new TomlTable(LineOf(_position)) { Defined = true };
        _position++;
        while (true)
        {
            SkipBlank(newlines: true);
            if (Current == '}')
            {
                _position++;
                MarkInline(table);
                return table;
            }

            ReadKeyValue(table, depth + 1);
            SkipBlank(newlines: true);
            if (Current == ',')
            {
                _position++;
            }
            else if (Current != '}')
            {
                throw Error("expected ',' or '}' in the inline table");
            }
        }
    }

    private static void MarkInline(TomlTable table)
    {
        table.Inline = true;
        foreach (var value in table.Values.Values.OfType<TomlTable>())
        {
            MarkInline(value);
        }
    }

    private object ReadScalar()
    {
        var start = _position;
        while (!AtEnd && Current is not (' ' or '\t' or '\r' or '\n' or ',' or ']' or '}' or '#'))
        {
            _position++;
        }

        // A date-time may separate its date and time with a space: "1979-05-27 07:32:00Z".
        if (_position - start == 10 && _text[start + 4] == '-' && Current == ' '
            && _position + 3 < _text.Length && char.IsAsciiDigit(_text[_position + 1]) && char.IsAsciiDigit(_text[_position + 2]) && _text[_position + 3] == ':')
        {
            _position++;
            while (!AtEnd && Current is not (' ' or '\t' or '\r' or '\n' or ',' or ']' or '}' or '#'))
            {
                _position++;
            }
        }

        var token = _text[start.._position];
        return token switch
        {
            "true" => true,
            "false" => false,
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" or "+nan" or "-nan" => double.NaN,
            _ when IsDateTime(token) => new TomlDateTime(token),
            _ => ReadNumber(token, start),
        };
    }

    private static bool IsDateTime(string token) =>
        (token.Length >= 10 && char.IsAsciiDigit(token[0]) && token[4] == '-' && token[7] == '-')
        || (token.Length >= 8 && char.IsAsciiDigit(token[0]) && token[2] == ':' && token[5] == ':');

    private object ReadNumber(string token, int start)
    {
        if (token.Length == 0 || token.StartsWith('_') || token.EndsWith('_') || token.Contains("__", StringComparison.Ordinal))
        {
            throw Error($"'{token}' is not a TOML value", start);
        }

        var digits = token.Replace("_", string.Empty, StringComparison.Ordinal);
        var (radix, body) = digits.Length > 2 && digits[0] == '0' ? digits[1] switch
        {
            'x' => (16, digits[2..]),
            'o' => (8, digits[2..]),
            'b' => (2, digits[2..]),
            _ => (10, digits),
        } : (10, digits);
        if (radix != 10)
        {
            try
            {
                return Convert.ToInt64(body, radix);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                throw Error($"'{token}' is not a TOML integer", start);
            }
        }

        if (long.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (body.Any(c => c is '.' or 'e' or 'E')
            && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw Error($"'{token}' is not a TOML value (strings need quotes)", start);
    }

    private string ReadBasicString()
    {
        var start = _position;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r')
            {
                throw Error("this string is not closed on its line", start);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(builder);
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private string ReadMultilineBasicString()
    {
        var start = _position;
        _position += 3;
        SkipNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("this multi-line string is never closed", start);
            }

            if (StartsWith("\"\"\""))
            {
                CloseMultiline(builder, '"');
                return builder.ToString();
            }

            var c = _text[_position++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            // A backslash at the end of a line joins the next non-blank text to this line.
            var look = _position;
            while (look < _text.Length && _text[look] is ' ' or '\t')
            {
                look++;
            }

            if (look < _text.Length && _text[look] is '\n' or '\r')
            {
                _position = look;
                while (!AtEnd && Current is ' ' or '\t' or '\n' or '\r')
                {
                    _position++;
                }
            }
            else
            {
                ReadEscape(builder);
            }
        }
    }

    private string ReadLiteralString()
    {
        var start = _position;
        _position++;
        var end = _text.IndexOf('\'', _position);
        var newline = _text.IndexOf('\n', _position);
        if (end < 0 || (newline >= 0 && newline < end))
        {
            throw Error("this string is not closed on its line", start);
        }

        var value = _text[_position..end];
        _position = end + 1;
        return value.TrimEnd('\r');
    }

    private string ReadMultilineLiteralString()
    {
        var start = _position;
        _position += 3;
        SkipNewline();
        var end = _text.IndexOf("'''", _position, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("this multi-line string is never closed", start);
        }

        var builder = new StringBuilder(_text[_position..end]);
        _position = end;
        CloseMultiline(builder, '\'');
        return builder.ToString();
    }

    /// <summary>Up to two quotes right before the closing three belong to the string.</summary>
    private void CloseMultiline(StringBuilder builder, char quote)
    {
        var run = 0;
        while (!AtEnd && Current == quote && run < 5)
        {
            run++;
            _position++;
        }

        builder.Append(quote, run - 3);
    }

    private void ReadEscape(StringBuilder builder)
    {
        var at = _position - 1;
        if (AtEnd)
        {
            throw Error("the escape is cut short", at);
        }

        var c = _text[_position++];
        switch (c)
        {
            case 'b': builder.Append('\b'); break;
            case 't': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case 'e': builder.Append('\u001b'); break;
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case 'u': builder.Append(ReadCodePoint(4, at)); break;
            case 'U': builder.Append(ReadCodePoint(8, at)); break;
            default: throw Error($"'\\{c}' is not a TOML escape", at);
        }
    }

    private string ReadCodePoint(int length, int at)
    {
        if (_position + length > _text.Length
            || !int.TryParse(_text.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value > 0x10FFFF
            || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw Error("the escape is not a Unicode scalar value", at);
        }

        _position += length;
        return char.ConvertFromUtf32(value);
    }

    private void SkipNewline()
    {
        if (StartsWith("\r\n"))
        {
            _position += 2;
        }
        else if (Current == '\n')
        {
            _position++;
        }
    }

    private void SkipBlank(bool newlines)
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is ' ' or '\t' || (newlines && c is '\n' or '\r'))
            {
                _position++;
            }
            else if (c == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void ExpectEndOfLine()
    {
        SkipBlank(newlines: false);
        if (!AtEnd && Current is not ('\n' or '\r'))
        {
            throw Error("expected the end of the line");
        }
    }

    private bool StartsWith(string text) => string.CompareOrdinal(_text, _position, text, 0, text.Length) == 0;

    private TomlSyntaxException Error(string message, int? position = null) => new(message, position ?? _position);
}
