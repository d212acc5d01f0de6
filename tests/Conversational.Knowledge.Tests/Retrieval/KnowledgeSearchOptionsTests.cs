using System.ComponentModel.DataAnnotations;
using Conversational.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class KnowledgeSearchOptionsTests
{
    [Fact]
    public void FloorFor_ByDefault_IsTheGeneralFloorForEveryLanguage()
    {
        var options = new KnowledgeSearchOptions();

        Assert.Equal(options.ConfidenceFloor, options.FloorFor("zh-CN"));
        Assert.Equal(options.ConfidenceFloor, options.FloorFor("en"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    public void FloorFor_LanguageWithoutItsOwnFloor_IsTheGeneralFloor(string? language)
    {
        var options = new KnowledgeSearchOptions { ConfidenceFloor = 0.4f };

        Assert.Equal(0.4f, options.FloorFor(language));
    }

    [Fact]
    public void FloorFor_LanguageIsMatchedWhateverItsCase()
    {
        var options = new KnowledgeSearchOptions();

        Assert.Equal(options.FloorFor("zh-CN"), options.FloorFor("zh-cn"));
    }

    [Fact]
    public void Binding_AConfiguredLanguageFloor_AppliesToThatLanguageOnly()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Search:ConfidenceFloors:en"] = "0.4",
        }).Build();
        var options = configuration.GetSection(KnowledgeSearchOptions.SectionName).Get<KnowledgeSearchOptions>()!;

        Assert.Equal(0.4f, options.FloorFor("en"));
        Assert.Equal(options.ConfidenceFloor, options.FloorFor("zh-CN"));
    }

    [Theory]
    [InlineData("zh-CN", 1.5f, "between 0 and 1")]
    [InlineData("en", -0.1f, "between 0 and 1")]
    [InlineData("zh", 0.2f, "not a knowledge language")]
    public void Validation_FloorOutOfRangeOrUnknownLanguage_IsRefusedNamingTheSetting(string language, float floor, string reason)
    {
        var options = new KnowledgeSearchOptions();
        options.ConfidenceFloors[language] = floor;

        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        var message = Assert.Single(results).ErrorMessage!;
        Assert.Contains($"Knowledge:Search:ConfidenceFloors:{language}", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_DefaultOptions_AreValid()
    {
        var options = new KnowledgeSearchOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
