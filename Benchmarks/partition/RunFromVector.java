package harness;

import java.io.*;
import inputOutput.*;
import mainSolver.*;

/** Benchmark harness (outside the GameSolve repository): runs ODP-IP on a plain value vector
 *  v(1) ... v(2^n - 1), one per line, bitmask order (the file gamesolve reads). */
public class RunFromVector {
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int n = Integer.parseInt(args[1]);
        String solver = args.length > 2 ? args[2] : "ODPIP";
        double[] values = new double[1 << n];
        BufferedReader r = new BufferedReader(new FileReader(file), 1 << 20);
        for (int c = 1; c < values.length; c++) values[c] = Double.parseDouble(r.readLine().trim());
        r.close();
        Input input = new Input();
        input.initInput();
        input.numOfAgents = n;
        input.coalitionValues = values;
        input.solverName = solver.equals("IP") ? SolverNames.IP : solver.equals("ODP") ? SolverNames.ODP : SolverNames.ODPIP;
        input.printInterimResultsOfIPToFiles = false;
        input.printTimeTakenByIPForEachSubspace = false;
        input.orderIntegerPartitionsAscendingly = false;
        input.acceptableRatio = 100;
        input.readCoalitionValuesFromFile = true;
        input.storeCoalitionValuesInFile = false;
        input.outputFolder = "/tmp/odpip-out";
        input.folderInWhichCoalitionValuesAreStored = "/tmp/odpip-out";
        long t0 = System.nanoTime();
        Result result = (new MainSolver()).solve(input);
        long t1 = System.nanoTime();
        if (input.solverName == SolverNames.ODP) {
            System.out.printf("solver=%s n=%d value=%.1f solveMs=%.1f cs=%s%n", solver, n, result.get_dpValueOfBestCSFound(), (t1 - t0) / 1e6,
                general.General.convertArrayToString(result.get_dpBestCSFound()));
        } else {
            System.out.printf("solver=%s n=%d value=%.1f solveMs=%.1f cs=%s%n", solver, n, result.get_ipValueOfBestCSFound(), (t1 - t0) / 1e6,
                general.General.convertArrayToString(result.get_ipBestCSFound()));
        }
        System.exit(0);
    }
}
