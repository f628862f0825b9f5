import type { TSchema } from 'typebox';
import Value from 'typebox/value';

/** One validation problem: where (a JSON pointer such as `/targets/0/account`) and why. */
export interface ValidationProblem {
  readonly path: string;
  readonly message: string;
}

interface RawError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message: string;
  readonly params: Record<string, unknown>;
}

/**
 * Validates `value` against `schema` and returns readable problems, most specific first. Union
 * branches produce one error per branch; only the deepest path per location is kept, so the
 * user reads "/limits/maxBulkTargets must be <= 500", not a list of schema internals.
 */
export function validationProblems(schema: TSchema, value: unknown): ValidationProblem[] {
  const errors = [...Value.Errors(schema, value)] as unknown as RawError[];
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'boolean' || error.keyword === 'anyOf') continue;
    let path = error.instancePath || '/';
    let message = error.message;
    if (error.keyword === 'additionalProperties') {
      const extra = error.params.additionalProperties;
      const names = Array.isArray(extra) ? extra.map(String) : [];
      path = `${error.instancePath}/${names[0] ?? ''}`;
      message = `is not a known field${names.length > 1 ? ` (nor ${names.slice(1).join(', ')})` : ''}`;
    } else if (error.keyword === 'required') {
      const missing = error.params.requiredProperties;
      const names = Array.isArray(missing) ? missing.map(String) : [];
      path = `${error.instancePath}/${names[0] ?? ''}`;
      message = 'is required';
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify(error.params.allowedValue)}`;
    }
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  // A union branch that failed on type ("must be string") is noise when another branch of the
  // same value produced errors deeper down: the user meant that other branch.
  const typeErrors = new Set(
    errors.filter((e) => e.keyword === 'type').map((e) => `${e.instancePath || '/'}|${e.message}`),
  );
  const informative = problems.filter(
    (problem) =>
      !typeErrors.has(`${problem.path}|${problem.message}`) ||
      !problems.some((other) => other.path.startsWith(`${problem.path === '/' ? '' : problem.path}/`)),
  );
  problems.length = 0;
  problems.push(...informative);
  // Merge "must be X" alternatives from a union of literals into one line per path.
  const merged = new Map<string, string[]>();
  for (const problem of problems) {
    const list = merged.get(problem.path) ?? [];
    list.push(problem.message);
    merged.set(problem.path, list);
  }
  return [...merged].map(([path, messages]) => {
    const literals = messages.filter((m) => m.startsWith('must be "') || /^must be -?\d/.test(m));
    if (literals.length > 1 && literals.length === messages.length)
      return {
        path,
        message: `must be one of ${literals.map((m) => m.slice('must be '.length)).join(', ')}`,
      };
    return { path, message: messages.join('; ') };
  });
}

/** Formats problems as `path: message` lines. */
export function formatProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
