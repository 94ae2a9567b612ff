import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string, durationMs?: number): void;
  dismiss(id: number): void;
}

let counter = 0;

/** Short messages of the flow screens (a refused connection, "Saved"), read out by screen readers. */
export const useFlowToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show(kind, text, durationMs = kind === 'error' ? 8000 : 3500) {
    const id = ++counter;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, text }] });
    setTimeout(() => get().dismiss(id), durationMs);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));
