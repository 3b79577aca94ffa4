using Mbk.Portal.Components;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>A manager makes, regenerates or revokes the office's secret iCalendar feed URL; the URL shows once.</summary>
public sealed partial class AlmanacSubscriptionPanel
{
    private AlmanacFeedStatus? _status;
    private string? _url;
    private string? _error;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;

    [Inject]
    private AlmanacFeedService Feeds { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await RunAsync(async () => _status = await Feeds.GetStatusAsync(Staff));
    }

    private Task RegenerateAsync() => RunAsync(async () =>
    {
        var token = await Feeds.RegenerateAsync(Staff);
        _url = new Uri(new Uri(Navigation.BaseUri), AlmanacFeedTokens.PathFor(token)).ToString();
        _status = await Feeds.GetStatusAsync(Staff);
    });

    private Task RevokeAsync() => RunAsync(async () =>
    {
        await Feeds.RevokeAsync(Staff);
        _url = null;
        _status = await Feeds.GetStatusAsync(Staff);
    });

    private async Task RunAsync(Func<Task> action) => await _command.RunAsync(action, error => _error = error);
}
