/** "Li Wei" -> "LW", "王芳" -> "王芳", "sales2" -> "S2". */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/[\u3400-\u9fff]/.test(trimmed)) return trimmed.replace(/\s+/g, '').slice(-2);
  const words = trimmed.split(/\s+/);
  if (words.length >= 2) return ((words[0]?.[0] ?? '') + (words[words.length - 1]?.[0] ?? '')).toUpperCase();
  const word = words[0] ?? '';
  const digits = word.match(/\d+$/)?.[0] ?? '';
  return (word[0] ?? '?').toUpperCase() + (digits ? digits.slice(0, 1) : (word[1] ?? '').toLowerCase());
}
