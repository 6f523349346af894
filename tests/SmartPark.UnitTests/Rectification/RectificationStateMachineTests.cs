using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.UnitTests.Rectification;

/// <summary>Every step from every state: only open → replied → verified → closed and a rejected verification back to open move an order.</summary>
public sealed class RectificationStateMachineTests
{
    private static readonly string[] Moving = [RectificationActions.Replied, RectificationActions.Verified, RectificationActions.Rejected, RectificationActions.Closed];

    [Fact]
    public void The_happy_path_goes_open_replied_verified_closed()
    {
        var state = RectificationStates.Open;
        foreach (var (action, expected) in new[] { (RectificationActions.Replied, RectificationStates.Replied), (RectificationActions.Verified, RectificationStates.Verified), (RectificationActions.Closed, RectificationStates.Closed) })
        {
            state = RectificationStateMachine.Next(state, action)!;
            Assert.Equal(expected, state);
        }
    }

    [Fact]
    public void A_rejected_verification_sends_a_replied_order_back_to_open()
    {
        Assert.Equal(RectificationStates.Open, RectificationStateMachine.Next(RectificationStates.Replied, RectificationActions.Rejected));
        Assert.True(RectificationStateMachine.NeedsNote(RectificationActions.Rejected));
        Assert.True(RectificationStateMachine.NeedsNote(RectificationActions.Replied));
        Assert.False(RectificationStateMachine.NeedsNote(RectificationActions.Closed));
    }

    [Fact]
    public void Exactly_four_moves_are_allowed_and_every_other_pair_is_refused()
    {
        var allowed = new List<(string, string, string)>();
        foreach (var state in RectificationStates.All)
        {
            foreach (var action in Moving)
            {
                if (RectificationStateMachine.Next(state, action) is { } next)
                    allowed.Add((state, action, next));
            }
        }
        Assert.Equal(
            [(RectificationStates.Open, RectificationActions.Replied, RectificationStates.Replied),
             (RectificationStates.Replied, RectificationActions.Verified, RectificationStates.Verified),
             (RectificationStates.Replied, RectificationActions.Rejected, RectificationStates.Open),
             (RectificationStates.Verified, RectificationActions.Closed, RectificationStates.Closed)],
            allowed);
        // Closing skips nothing: an open or replied order cannot be closed unverified.
        Assert.Null(RectificationStateMachine.Next(RectificationStates.Open, RectificationActions.Closed));
        Assert.Null(RectificationStateMachine.Next(RectificationStates.Replied, RectificationActions.Closed));
        Assert.Null(RectificationStateMachine.Next(RectificationStates.Open, RectificationActions.Verified));
    }

    [Fact]
    public void Photos_and_links_keep_the_state_and_a_closed_order_takes_nothing()
    {
        foreach (var state in new[] { RectificationStates.Open, RectificationStates.Replied, RectificationStates.Verified })
        {
            Assert.Equal(state, RectificationStateMachine.Next(state, RectificationActions.EvidenceAdded));
            Assert.Equal(state, RectificationStateMachine.Next(state, RectificationActions.LinkIssued));
        }
        foreach (var action in RectificationActions.All)
            Assert.Null(RectificationStateMachine.Next(RectificationStates.Closed, action));
        Assert.Empty(RectificationStateMachine.Moves(RectificationStates.Closed));
        Assert.Equal([RectificationActions.Verified, RectificationActions.Rejected], RectificationStateMachine.Moves(RectificationStates.Replied));
    }

    [Fact]
    public void An_order_is_overdue_from_the_day_after_its_deadline_until_it_is_closed()
    {
        var order = new RectificationOrder
        {
            ParkId = "p",
            EnterpriseId = "e",
            Source = RectificationSources.Manual,
            Hazard = HazardCategories.Gas,
            Description = "leak",
            State = RectificationStates.Open,
            CreatedBy = "op",
            Deadline = new DateOnly(2026, 9, 30),
        };
        Assert.False(order.IsOverdue(new DateOnly(2026, 9, 30)));
        Assert.True(order.IsOverdue(new DateOnly(2026, 10, 1)));
        order.State = RectificationStates.Verified;
        Assert.True(order.IsOverdue(new DateOnly(2026, 10, 1)));
        order.State = RectificationStates.Closed;
        Assert.False(order.IsOverdue(new DateOnly(2027, 1, 1)));
    }
}
