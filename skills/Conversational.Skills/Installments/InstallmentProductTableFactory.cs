using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Conversational.Skills.Installments;

/// <summary>
/// Creates the options instance the <c>InstallmentProducts</c> section binds onto: a blank table when the section exists (so
/// configured offers never mix with built-in ones), <see cref="InstallmentProductTable.Default"/> when it does not.
/// </summary>
internal sealed class InstallmentProductTableFactory(
    IConfiguration configuration,
    IEnumerable<IConfigureOptions<InstallmentProductTable>> setups,
    IEnumerable<IPostConfigureOptions<InstallmentProductTable>> postConfigures,
    IEnumerable<IValidateOptions<InstallmentProductTable>> validations)
    : OptionsFactory<InstallmentProductTable>(setups, postConfigures, validations)
{
    protected override InstallmentProductTable CreateInstance(string name) =>
        configuration.GetSection(InstallmentProductTable.SectionName).Exists()
            ? new InstallmentProductTable()
            : InstallmentProductTable.Default;
}
