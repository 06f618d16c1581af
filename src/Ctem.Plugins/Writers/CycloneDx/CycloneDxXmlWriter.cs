using System.Globalization;
using System.Text;
using System.Xml;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Writers.CycloneDx;

/// <summary>Writes the inventory as a CycloneDX 1.6 XML BOM, element for element the same content as the JSON writer.</summary>
public sealed class CycloneDxXmlWriter : ISbomWriter
{
    private const string Namespace = "http://cyclonedx.org/schema/bom/1.6";

    public string Name => "cyclonedx/xml-writer";

    public int Version => 1;

    public string Format => "cyclonedx-xml";

    public void Write(Inventory inventory, SbomMetadata metadata, Stream output)
    {
        var model = SbomModel.From(inventory);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(output, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("bom", Namespace);
        writer.WriteAttributeString("serialNumber", $"urn:uuid:{model.Serial}");
        writer.WriteAttributeString("version", "1");
        writer.WriteStartElement("metadata", Namespace);
        writer.WriteElementString("timestamp", Namespace, metadata.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartElement("tools", Namespace);
        writer.WriteStartElement("components", Namespace);
        writer.WriteStartElement("component", Namespace);
        writer.WriteAttributeString("type", "application");
        writer.WriteElementString("name", Namespace, metadata.ToolName);
        writer.WriteElementString("version", Namespace, metadata.ToolVersion);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("component", Namespace);
        writer.WriteAttributeString("type", "application");
        writer.WriteAttributeString("bom-ref", SbomModel.ProductRef);
        writer.WriteElementString("name", Namespace, model.Product.Name);
        if (model.Product.Version is { } productVersion)
        {
            writer.WriteElementString("version", Namespace, productVersion);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement("components", Namespace);
        foreach (var component in model.Components)
        {
            WriteComponent(writer, component);
        }

        writer.WriteEndElement();
        writer.WriteStartElement("dependencies", Namespace);
        WriteDependency(writer, SbomModel.ProductRef, model.Direct);
        foreach (var component in model.Components)
        {
            WriteDependency(writer, component.Ref, component.DependsOn);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    // Child order follows the XSD's sequence: name, version, scope, hashes, licenses, cpe, purl.
    private static void WriteComponent(XmlWriter writer, SbomComponent entry)
    {
        var component = entry.Component;
        writer.WriteStartElement("component", Namespace);
        writer.WriteAttributeString("type", CycloneDxTypes.Of(component));
        writer.WriteAttributeString("bom-ref", entry.Ref);
        writer.WriteElementString("name", Namespace, component.Name);
        if (component.Version is { } version)
        {
            writer.WriteElementString("version", Namespace, version);
        }

        if (CycloneDxTypes.Scope(component.Scope) is { } scope)
        {
            writer.WriteElementString("scope", Namespace, scope);
        }

        if (entry.Hashes.Count > 0)
        {
            writer.WriteStartElement("hashes", Namespace);
            foreach (var hash in entry.Hashes)
            {
                writer.WriteStartElement("hash", Namespace);
                writer.WriteAttributeString("alg", hash.Algorithm);
                writer.WriteString(hash.Value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (component.Licenses.Count > 0)
        {
            var (names, expression) = CycloneDxTypes.Licenses(component.Licenses);
            writer.WriteStartElement("licenses", Namespace);
            if (expression is not null)
            {
                writer.WriteElementString("expression", Namespace, expression);
            }

            foreach (var name in names)
            {
                writer.WriteStartElement("license", Namespace);
                writer.WriteElementString("name", Namespace, name);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (component.Cpe is { } cpe)
        {
            writer.WriteElementString("cpe", Namespace, cpe);
        }

        if (component.Purl is { } purl)
        {
            writer.WriteElementString("purl", Namespace, purl.ToString());
        }

        writer.WriteEndElement();
    }

    private static void WriteDependency(XmlWriter writer, string reference, IReadOnlyList<string> dependsOn)
    {
        writer.WriteStartElement("dependency", Namespace);
        writer.WriteAttributeString("ref", reference);
        foreach (var target in dependsOn)
        {
            writer.WriteStartElement("dependency", Namespace);
            writer.WriteAttributeString("ref", target);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
