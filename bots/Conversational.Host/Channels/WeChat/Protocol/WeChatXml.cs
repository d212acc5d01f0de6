using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>
/// WeChat's flat XML (<c>&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;…&lt;/xml&gt;</c>), read with DTDs prohibited and no
/// resolver, so external entities (XXE) and entity expansion (billion laughs) are refused before anything is expanded.
/// </summary>
public static class WeChatXml
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(false),
    };

    /// <summary>The root's child elements with text content, by name; nested elements are skipped.</summary>
    /// <exception cref="WeChatProtocolException">Not well-formed, a DTD, or the root is not <c>xml</c>.</exception>
    public static IReadOnlyDictionary<string, string> ReadFields(ReadOnlySpan<byte> body) => ReadFields(new MemoryStream(body.ToArray()));

    public static IReadOnlyDictionary<string, string> ReadFields(string xml) => ReadFields(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static Dictionary<string, string> ReadFields(Stream stream)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(stream, ReaderSettings);
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException exception)
        {
            throw new WeChatProtocolException($"The body is not acceptable XML: {exception.Message}", exception);
        }

        if (root.Name.LocalName != "xml")
        {
            throw new WeChatProtocolException("The root element must be <xml>.");
        }

        return root.Elements().Where(e => !e.HasElements)
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    /// <summary>A reply document: each field a CDATA section (numbers as plain text), in the given order.</summary>
    public static string Write(params ReadOnlySpan<(string Name, object Value)> fields)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, WriterSettings))
        {
            writer.WriteStartElement("xml");
            foreach (var (name, value) in fields)
            {
                writer.WriteStartElement(name);
                if (value is string text)
                {
                    writer.WriteCData(text);
                }
                else
                {
                    writer.WriteString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return builder.ToString();
    }
}
