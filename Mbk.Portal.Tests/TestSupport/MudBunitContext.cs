using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>bUnit context with MudBlazor's services, loose JS interop and a popover provider rendered first.</summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    protected void RenderMudProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
    }
}
