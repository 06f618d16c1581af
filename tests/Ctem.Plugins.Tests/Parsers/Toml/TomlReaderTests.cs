using Ctem.Plugins.Parsers.Toml;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Toml;

public sealed class TomlReaderTests
{
    private static TomlTable Read(string text)
    {
        Assert.True(TomlReader.TryParse(text, out var root, out var error), error?.ToString());
        return root;
    }

    [Fact]
    public void TryParse_TablesAndArraysOfTables_NestAsWritten()
    {
        var root = Read("""
            version = 3

            [[package]]
            name = "a"
            [package.dependencies]
            b = ">=1"

            [[package]]
            name = "c"

            [metadata.files]
            a = []
            """);

        Assert.Equal(3L, root.GetInteger("version"));
        var packages = root.GetTables("package")!;
        Assert.Equal(["a", "c"], packages.Select(p => p.GetString("name")));
        Assert.Equal(">=1", packages[0].GetTable("dependencies")!.GetString("b"));
        Assert.Equal([3, 8], packages.Select(p => p.Line));
        Assert.NotNull(root.GetTable("metadata")!.GetTable("files")!.GetArray("a"));
    }

    public static TheoryData<string, object> Scalars => new()
    {
        { "v = \"a\\tb\\u00e9\\U0001F600\\\"\"", "a\tb\u00e9\U0001F600\"" },
        { "v = 'C:\\path\\no-escapes'", "C:\\path\\no-escapes" },
        { "v = \"\"\"\nline1\nline2\"\"\"", "line1\nline2" },
        { "v = \"\"\"joined \\\n    here\"\"\"", "joined here" },
        { "v = '''\nraw \\n'''", "raw \\n" },
        { "v = \"\"\"two \"\"quotes\"\"\"\"\"", "two \"\"quotes\"\"" },
        { "v = 1_000", 1000L },
        { "v = -17", -17L },
        { "v = 0xff", 255L },
        { "v = 0o17", 15L },
        { "v = 0b101", 5L },
        { "v = 3.14", 3.14 },
        { "v = 6.02e23", 6.02e23 },
        { "v = true", true },
        { "v = false", false },
        { "v = inf", double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void TryParse_Scalar_ReadsValue(string text, object expected) => Assert.Equal(expected, Read(text).Values["v"]);

    [Fact]
    public void TryParse_DateTimes_KeptAsText()
    {
        var root = Read("a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00\nc = 1979-05-27\nd = 07:32:00");
        Assert.Equal(
            ["1979-05-27T07:32:00Z", "1979-05-27 07:32:00", "1979-05-27", "07:32:00"],
            root.Values.Values.Cast<TomlDateTime>().Select(d => d.Text));
    }

    [Fact]
    public void TryParse_InlineTablesArraysAndDottedKeys_Nest()
    {
        var root = Read("""
            source = { registry = "https://pypi.org/simple" }
            deps = [
                { name = "idna" },  # comment
                { name = "sniffio", extra = ["x"] },
            ]
            a.b."c.d" = 1
            "quoted key" = 'v'
            multi = { x = 1,
                      y = 2, }
            """);

        Assert.Equal("https://pypi.org/simple", root.GetTable("source")!.GetString("registry"));
        Assert.Equal(["idna", "sniffio"], root.GetTables("deps")!.Select(t => t.GetString("name")));
        Assert.Equal(1L, root.GetTable("a")!.GetTable("b")!.GetInteger("c.d"));
        Assert.Equal("v", root.GetString("quoted key"));
        Assert.Equal(2L, root.GetTable("multi")!.GetInteger("y"));
    }

    public static TheoryData<string, int, int, string> Errors => new()
    {
        { "a = 1\nb = \"open\n", 2, 5, "not closed" },
        { "a = 1\na = 2", 2, 1, "more than once" },
        { "[t]\n[t]", 2, 1, "more than once" },
        { "a = [1, 2", 1, 10, "expected ',' or ']'" },
        { "a = 1 b = 2", 1, 7, "end of the line" },
        { "a = bare", 1, 5, "strings need quotes" },
        { "a = \"\\q\"", 1, 6, "not a TOML escape" },
        { "x = 1\n[x.y]", 2, 1, "already a value" },
        { "t = { a = 1 }\n[t.b]", 2, 1, "already a value" },
        { "[[a]]\n[a]", 2, 1, "more than once" },
        { "= 1", 1, 1, "expected a key" },
        { "a =", 1, 4, "expected a value" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void TryParse_Malformed_ReportsLineAndColumn(string text, int line, int column, string message)
    {
        Assert.False(TomlReader.TryParse(text, out _, out var error));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DeepNesting_IsAnErrorNotAStackOverflow()
    {
        var text = "a = " + new string('[', 10_000) + new string(']', 10_000);
        Assert.False(TomlReader.TryParse(text, out _, out var error));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8_IsAnError()
    {
        Assert.False(TomlReader.TryParse([0x61, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22], out _, out var error));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ByteOrderMarkAndCrLf_AreAccepted()
    {
        var root = Read("\uFEFFa = 1\r\n[t]\r\nb = \"x\"\r\n");
        Assert.Equal("x", root.GetTable("t")!.GetString("b"));
    }
}
