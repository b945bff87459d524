/*
 * pause: PID 1 of every pod sandbox. It holds the pod's namespaces open, reaps zombies of
 * processes that share its PID namespace, and exits on SIGINT or SIGTERM.
 * Built static so the image needs nothing else: gcc -static -O2 -s -o pause pause.c
 * (kube4j's own, after kubernetes/build/pause/linux/pause.c).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_term(int sig) { (void)sig; _exit(0); }
static void on_chld(int sig) { (void)sig; while (waitpid(-1, NULL, WNOHANG) > 0) {} }

int main(void) {
  if (getpid() != 1) fprintf(stderr, "pause: warning: not running as PID 1\n");
  struct sigaction sa = {0};
  sa.sa_handler = on_term;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sa.sa_handler = on_chld;
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  for (;;) pause();
  return 42;
}
