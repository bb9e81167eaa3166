using Graph.Api.Endpoint;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Endpoint;

public sealed class AnswerBudgetTests
{
    [Fact]
    public void Answers_are_taken_while_they_fit_and_their_bytes_come_back_when_returned()
    {
        var budget = new AnswerBudget(Options.Create(new LimitsOptions { MaxAnswerBytesInFlight = 1_000 }));

        Assert.True(budget.TryTake(600));
        Assert.False(budget.TryTake(401));
        Assert.True(budget.TryTake(400));
        Assert.False(budget.TryTake(1));

        budget.Return(600);
        Assert.True(budget.TryTake(600));
        Assert.False(budget.TryTake(1));
    }

    [Fact]
    public void A_budget_of_zero_takes_no_answer()
    {
        var budget = new AnswerBudget(Options.Create(new LimitsOptions { MaxAnswerBytesInFlight = 0 }));

        Assert.False(budget.TryTake(1));
    }

    [Fact]
    public async Task Many_threads_taking_and_returning_leave_the_budget_whole()
    {
        var budget = new AnswerBudget(Options.Create(new LimitsOptions { MaxAnswerBytesInFlight = 10_000 }));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                if (budget.TryTake(700)) budget.Return(700);
            }
        })));

        Assert.True(budget.TryTake(10_000));
        Assert.False(budget.TryTake(1));
    }
}
