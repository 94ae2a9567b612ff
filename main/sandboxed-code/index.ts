export { CodeError, type CodeErrorKind } from './code-error';
export {
  compileExpressions,
  compileTransform,
  warmUpSandbox,
  type CompiledExpressions,
  type CompiledTransform,
} from './compile-transform';
export { MAX_STACK_BYTES, Sandbox, type SandboxLimits, type SandboxUnit } from './quickjs-sandbox';
