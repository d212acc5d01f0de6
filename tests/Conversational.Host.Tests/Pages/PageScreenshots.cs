using Conversational.Testing;
using Microsoft.Playwright;

namespace Conversational.Host.Tests.Pages;

/// <summary>The pictures in docs/ are taken by the tests that reach each screen, when WRITE_SCREENSHOTS=1.</summary>
public static class PageScreenshots
{
    public static async Task WriteAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable("WRITE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Root(), "docs", name), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
