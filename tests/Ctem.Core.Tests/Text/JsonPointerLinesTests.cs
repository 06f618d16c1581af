using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Text;
using Xunit;

namespace Ctem.Core.Tests.Text;

public sealed class JsonPointerLinesTests
{
    private const string Sbom = """
        {
          "bomFormat": "CycloneDX",
          "metadata": {"component": {"name": "app",
            "description": "a\nb"}},
          "components": [
            {
              "name": "a",
              "components": [
                {"name": "a1"},
                {
                  "name": "a2"
                }
              ]
            },
            {"name": "b"}
          ]
        }
        """;

    private const string PackageLock = """
        {
          "packages": {
            "": {"name": "root"},
            "node_modules/@scope/x": {"version": "1.0.0"},
            "node_modules/til~de": {"version": "2.0.0"}
          }
        }
        """;

    public static TheoryData<string, string, int?> Cases => new()
    {
        { Sbom, "/components/0", 6 },
        { Sbom, "/components/1", 15 },
        { Sbom, "/components/0/components/0", 9 },
        { Sbom, "/components/0/components/1", 10 },
        { Sbom, "/metadata/component", 3 },
        { Sbom, "/components/2", null },
        { Sbom, "/components/x", null },
        { PackageLock, "/packages/node_modules~1@scope~1x", 4 },
        { PackageLock, "/packages/node_modules~1til~0de", 5 },
        { PackageLock, "/packages/", 3 },
        { "{\"components\":[{\"name\":\"a\"},{\"name\":\"b\"}]}", "/components/1", 1 },
        { "\uFEFF{\r\n\"components\": [\r\n{},\r\n{}]}", "/components/1", 4 },
        { "// comment\n{\"components\": [\n{}, /* two */\n{},]}", "/components/1", 4 },
        { "{\"components\": [\n{}\n]}\ntrailing text that is not JSON", "/components/0", 2 },
        { "not JSON", "/components/0", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_Pointer_GivesLineOfItsValue(string json, string pointer, int? line)
    {
        var found = JsonPointerLines.Find(Encoding.UTF8.GetBytes(json), [pointer]);

        Assert.Equal(line, found.TryGetValue(pointer, out var at) ? at : null);
    }

    [Fact]
    public void Find_ManyPointers_AllInOnePass()
    {
        var found = JsonPointerLines.Find(Encoding.UTF8.GetBytes(Sbom), ["/components/0", "/components/1", "/components/0/components/1", "/nothing"]);

        Assert.Equal(new Dictionary<string, int> { ["/components/0"] = 6, ["/components/1"] = 15, ["/components/0/components/1"] = 10 }, found);
    }

    [Theory]
    [InlineData("line 12", 12)]
    [InlineData("line 1", 1)]
    [InlineData("line 0", null)]
    [InlineData("line x", null)]
    [InlineData("/components/3", null)]
    [InlineData("12:3", null)]
    [InlineData(null, null)]
    public void SourceLocation_LinePointer_GivesLine(string? pointer, int? line) =>
        Assert.Equal(line, new SourceLocation("f", pointer).Line);
}
