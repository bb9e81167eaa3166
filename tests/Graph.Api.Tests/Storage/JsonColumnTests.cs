using System.Text.Json;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Tests.Storage;

public sealed class JsonColumnTests
{
    [Fact]
    public void Each_list_is_stored_as_its_own_json_even_when_lists_outnumber_the_remembered_texts()
    {
        // Far more lists than the table has slots, so slots are taken over again and again.
        var lists = Enumerable.Range(1, 5000).Select(i => (IReadOnlyList<Citation>)[new Citation("doc", i)]).ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var list in lists)
            {
                var json = JsonColumn<Citation>.ToJson(list);
                Assert.Equal(JsonSerializer.Serialize(list, JsonSerializerOptions.Default), json);
                Assert.Equal(list, JsonColumn<Citation>.FromJson(json));
            }
        }
    }

    [Fact]
    public void A_thousand_shared_lists_converted_in_any_order_keep_one_text_each()
    {
        // As a million relationships citing a thousand paragraphs reach the store: each paragraph's one list, in no order.
        var lists = Enumerable.Range(1, 1000).Select(i => (IReadOnlyList<Citation>)[new Citation("shared", i)]).ToArray();
        var first = lists.Select(JsonColumn<Citation>.ToJson).ToArray();
        var random = new Random(7);
        for (var round = 0; round < 5; round++)
        {
            foreach (var i in Enumerable.Range(0, lists.Length).OrderBy(_ => random.Next())) Assert.Same(first[i], JsonColumn<Citation>.ToJson(lists[i]));
        }
    }

    [Fact]
    public void A_list_converted_again_gives_the_same_text_and_an_empty_list_reads_as_the_shared_empty_one()
    {
        IReadOnlyList<TypedProperty> shared = [new TypedProperty("amount", PropertyValueType.Number, "5")];
        Assert.Same(JsonColumn<TypedProperty>.ToJson(shared), JsonColumn<TypedProperty>.ToJson(shared));
        Assert.Same(Array.Empty<TypedProperty>(), JsonColumn<TypedProperty>.FromJson("[]"));
    }
}
