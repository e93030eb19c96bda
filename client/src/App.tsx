import { DocNotices } from './app/DocNotices';
import { UpdatePrompt } from './app/UpdatePrompt';
import { AuthProvider, useAuth } from './features/auth/AuthContext';
import { LoginPage } from './features/auth/LoginPage';
import { BoardRoute } from './features/board/BoardRoute';
import { Toasts } from './features/notifications/Toasts';

function Screens() {
  const { session } = useAuth();
  // Keyed by user so nothing of one user's session survives into the next.
  return session ? <BoardRoute key={session.user.id} /> : <LoginPage />;
}

export function App() {
  return (
    <AuthProvider>
      <Screens />
      <Toasts />
      <DocNotices />
      <UpdatePrompt />
    </AuthProvider>
  );
}
