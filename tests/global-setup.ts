// Compiles the knowledge base once before the unit tests, as the build does.
import { buildKnowledge } from '../scripts/build-knowledge';

export default function setup(): void {
  buildKnowledge();
}
