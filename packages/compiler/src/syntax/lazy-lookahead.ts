// chevrotain's LL(k) lookahead, built per decision on first use instead of for every decision of the
// grammar in performSelfAnalysis. A compiler run only reaches the decisions its sources need (Hello
// reaches few), and precomputing all of them was about half of the parser's construction time.
//
// Alternations with GATEs get a table-driven function of their own. chevrotain's version for them
// copies every alternative's GATE into a fresh array on each call and evaluates the GATEs of
// alternatives whose first token does not even match; the Oak grammar's hottest decisions (statement,
// block statement, expression, unary expression) all have GATEs.
//
// The same tables serve the parser directly (alternativesByFirstToken, optionalFirstTokens): its
// hottest MANY and ORs decide with them outside recording instead of going through chevrotain's
// OR/MANY machinery, which costs a dozen calls per decision in code that is still cold.
import {
  getLookaheadPaths,
  LLkLookaheadStrategy,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IToken,
  type Rule,
  type TokenType,
} from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
/** chevrotain calls lookahead functions with the parser as `this`. */
type AlternationLookahead = (this: unknown, orAlts?: IOrAlt<unknown>[]) => number | undefined;
interface Peeking {
  LA(i: number): IToken;
}
type OptionalLookahead = (this: unknown) => boolean;

export class LazyLookaheadStrategy implements ILookaheadStrategy {
  private readonly eager: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.eager = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.eager.validate(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): AlternationLookahead {
    const eager = this.eager;
    let built: AlternationLookahead | undefined;
    return function lazyAlternation(this: unknown, orAlts?: IOrAlt<unknown>[]): number | undefined {
      built ??= (options.hasPredicates && !options.dynamicTokensEnabled ? gatedOneTokenLookahead(options) : undefined) ??
        (eager.buildLookaheadForAlternation(options) as AlternationLookahead);
      return built.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    const eager = this.eager;
    let built: OptionalLookahead | undefined;
    return function lazyOptional(this: unknown): boolean {
      built ??= eager.buildLookaheadForOptional(options) as OptionalLookahead;
      return built.call(this);
    };
  }
}

/**
 * For a GATEd alternation whose alternatives are told apart by their first token: a table from the
 * next token's type to the alternatives it can start, in order, whose GATEs are then tried in order.
 * That is the choice chevrotain's own function makes (the first alternative whose GATE passes and
 * whose lookahead matches), since GATEs only peek. Undefined when some alternative needs a longer or
 * an empty lookahead path; chevrotain's function serves those.
 */
function gatedOneTokenLookahead(options: AlternationOptions): AlternationLookahead | undefined {
  const candidates = alternativesByFirstToken(options.rule, options.prodOccurrence, options.maxLookahead);
  if (candidates === undefined) return undefined;
  return function gatedLookahead(this: unknown, orAlts?: IOrAlt<unknown>[]): number | undefined {
    return pickAlternative(candidates, (this as Peeking).LA(1), orAlts, this);
  };
}

/** Token type index -> the alternatives of an alternation that a token of that type can start, in order. */
export type AlternativesByFirstToken = readonly (readonly number[] | undefined)[];

/**
 * The table of an alternation (OR number `occurrence` of `rule`) whose alternatives are told apart by
 * their first token, from chevrotain's own lookahead paths; undefined when some alternative needs a
 * longer or an empty path.
 */
export function alternativesByFirstToken(rule: Rule, occurrence: number, maxLookahead = 1): AlternativesByFirstToken | undefined {
  const paths = getLookaheadPaths({ occurrence, rule, prodType: 'Alternation', maxLookahead });
  const candidates: number[][] = [];
  for (let alt = 0; alt < paths.length; alt++) {
    for (const path of paths[alt] as TokenType[][]) {
      const first = path[0];
      if (path.length !== 1 || first === undefined || first.tokenTypeIdx === undefined) return undefined;
      // A category (BinaryOperator, ModifierKeyword...) stands for every token type in it.
      for (const type of [first.tokenTypeIdx, ...(first.categoryMatches ?? [])]) {
        const list = (candidates[type] ??= []);
        if (list[list.length - 1] !== alt) list.push(alt);
      }
    }
  }
  return candidates;
}

/**
 * The alternative chevrotain's lookahead takes at `next`: the first one `next` can start whose GATE (run
 * with `parser` as `this`) passes; undefined when none.
 */
export function pickAlternative(table: AlternativesByFirstToken, next: IToken, alts: readonly IOrAlt<unknown>[] | undefined, parser: unknown): number | undefined {
  const list = table[next.tokenTypeIdx];
  if (list === undefined) return undefined;
  // An index loop: for-of allocates an iterator on each of these calls until the function is optimised.
  for (let i = 0; i < list.length; i++) {
    const alt = list[i] as number;
    const gate = alts?.[alt]?.GATE;
    if (gate === undefined || gate.call(parser) !== false) return alt;
  }
  return undefined;
}

/**
 * Token type index -> whether a token of that type can start the body of an OPTION or MANY (`prodType`)
 * number `occurrence` of `rule`, from chevrotain's lookahead paths; undefined unless one token decides.
 */
export function optionalFirstTokens(rule: Rule, prodType: 'Option' | 'Repetition', occurrence: number): readonly boolean[] | undefined {
  const [inside] = getLookaheadPaths({ occurrence, rule, prodType, maxLookahead: 1 });
  const starts: boolean[] = [];
  for (const path of inside ?? []) {
    const first = path[0];
    if (path.length !== 1 || first === undefined || first.tokenTypeIdx === undefined) return undefined;
    for (const type of [first.tokenTypeIdx, ...(first.categoryMatches ?? [])]) starts[type] = true;
  }
  return starts;
}
