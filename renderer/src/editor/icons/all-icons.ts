// Every lucide icon, loaded as a separate chunk only when the editor opens: node kinds name their
// icon as data, so the set cannot be known when the renderer is built.
export { icons } from 'lucide-react';
