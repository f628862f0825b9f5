import { definePlugin, defineTool, type Plugin } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/**
 * A stand-in for the cost plugin's get_euc_service_prices (plugins never import each other): the
 * same name and the contract fields this plugin reads, answering `usdPerHour` for whatever
 * instance type and function it is asked about. `asked` records each lookup.
 */
export function priceStub(usdPerHour: number): { plugin: Plugin; asked: Record<string, unknown>[] } {
  const asked: Record<string, unknown>[] = [];
  const plugin = definePlugin({
    name: 'test-price-stub',
    version: '0.0.0',
    description: 'answers get_euc_service_prices with one flat hourly rate',
    tools: [
      defineTool({
        name: 'get_euc_service_prices',
        title: 'stub',
        description: 'stub',
        tier: 1,
        iam: [],
        input: Type.Object({
          service: Type.String(),
          regions: Type.Optional(Type.Array(Type.String())),
          instanceType: Type.Optional(Type.String()),
          instanceFunction: Type.Optional(Type.String()),
          platform: Type.Optional(Type.String()),
        }),
        output: Type.Object({
          rates: Type.Array(
            Type.Object({
              item: Type.String(),
              unit: Type.String(),
              usd: Type.Number(),
              attributes: Type.Record(Type.String(), Type.String()),
            }),
          ),
        }),
        async run(input) {
          asked.push({ ...input });
          return {
            rates: [
              {
                item: `${input.instanceType ?? '?'} ${input.instanceFunction ?? ''}`,
                unit: 'Hrs',
                usd: usdPerHour,
                attributes: {
                  instanceType: input.instanceType ?? '',
                  instanceFunction: input.instanceFunction ?? '',
                },
              },
            ],
          };
        },
      }),
    ],
  });
  return { plugin, asked };
}
