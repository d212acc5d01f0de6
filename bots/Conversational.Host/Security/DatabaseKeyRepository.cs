using System.Xml.Linq;
using Conversational.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Conversational.Host.Security;

/// <summary>
/// Keeps the data-protection key ring (which signs customer tokens and staff cookies) in the database, so that every
/// host behind a load balancer reads the same keys and a token issued by one host is honoured by all, and by the
/// next start. The interface is synchronous; it is called when the key ring is loaded or rotated, not per request.
/// </summary>
public sealed class DatabaseKeyRepository(Database database) : IXmlRepository
{
    public static readonly SchemaMigration Schema = new("host", 2, "data-protection keys", _ => """
        CREATE TABLE data_protection_keys (
            friendly_name TEXT PRIMARY KEY,
            xml TEXT NOT NULL
        );
        """);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.DataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = database.DataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING");
        Database.AddParameters(command, ("@name", friendlyName), ("@xml", element.ToString(SaveOptions.DisableFormatting)));
        command.ExecuteNonQuery();
    }
}
