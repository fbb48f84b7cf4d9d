"""RBF support vector machine (one-vs-rest, sklearn SVC) on utterance statistics, exported to ONNX by
writing the kernel expansion with onnx.helper (skl2onnx is not available here):
logits = T * (exp(-gamma * ||x - sv||^2) @ coef + b)."""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.svm import SVC


class OvrRbfSvm:
    def __init__(self, C, gamma, class_weight, n_labels):
        self.C, self.gamma, self.class_weight, self.n_labels = C, gamma, class_weight, n_labels

    def fit(self, x, y):
        machines = []
        for c in range(self.n_labels):
            target = (y == c).astype(int)
            w = {1: float(self.class_weight[c]) * (len(y) - target.sum()) / max(target.sum(), 1), 0: 1.0}
            machines.append(SVC(C=self.C, gamma=self.gamma, kernel='rbf', class_weight=w, cache_size=500).fit(x, target))
        support = sorted(set(np.concatenate([m.support_ for m in machines]).tolist()))
        where = {s: i for i, s in enumerate(support)}
        self.sv = x[support].astype(np.float32)
        self.coef = np.zeros((len(support), self.n_labels), np.float32)
        self.intercept = np.zeros(self.n_labels, np.float32)
        for c, m in enumerate(machines):
            for k, s in enumerate(m.support_):
                self.coef[where[s], c] = m.dual_coef_[0, k]
            self.intercept[c] = m.intercept_[0]
        self.temperature = 1.0
        return self

    def decision(self, x):
        d2 = (x ** 2).sum(1)[:, None] - 2 * x @ self.sv.T + (self.sv ** 2).sum(1)[None]
        return np.exp(-self.gamma * d2) @ self.coef + self.intercept

    def calibrate(self, x, y):
        """Temperature for softmax(T * decision) that minimises validation log loss (grid)."""
        d = self.decision(x)
        best = (np.inf, 1.0)
        for t in [0.5, 1, 2, 3, 4, 6, 8, 12]:
            z = t * d
            z = z - z.max(1, keepdims=True)
            logp = z - np.log(np.exp(z).sum(1, keepdims=True))
            best = min(best, (-logp[np.arange(len(y)), y].mean(), t))
        self.temperature = best[1]

    def predict_proba(self, x):
        z = self.temperature * self.decision(x)
        z = np.exp(z - z.max(1, keepdims=True))
        return z / z.sum(1, keepdims=True)

    def export_onnx(self, path):
        width = self.sv.shape[1]
        init = [numpy_helper.from_array(self.sv.T.copy(), 'sv_t'),
                numpy_helper.from_array((self.sv ** 2).sum(1).astype(np.float32)[None], 'sv_sq'),
                numpy_helper.from_array(np.array(-2.0, np.float32), 'minus_two'),
                numpy_helper.from_array(np.array(-self.gamma, np.float32), 'minus_gamma'),
                numpy_helper.from_array(self.coef * self.temperature, 'coef'),
                numpy_helper.from_array(self.intercept * self.temperature, 'intercept')]
        nodes = [helper.make_node('ReduceSumSquare', ['statistics'], ['x_sq'], axes=[1], keepdims=1),
                 helper.make_node('MatMul', ['statistics', 'sv_t'], ['dot']),
                 helper.make_node('Mul', ['dot', 'minus_two'], ['dot2']),
                 helper.make_node('Add', ['dot2', 'x_sq'], ['d_a']),
                 helper.make_node('Add', ['d_a', 'sv_sq'], ['d2']),
                 helper.make_node('Mul', ['d2', 'minus_gamma'], ['g']),
                 helper.make_node('Exp', ['g'], ['kernel']),
                 helper.make_node('MatMul', ['kernel', 'coef'], ['k_coef']),
                 helper.make_node('Add', ['k_coef', 'intercept'], ['logits'])]
        graph = helper.make_graph(nodes, 'emovox_svm',
                                  [helper.make_tensor_value_info('statistics', TensorProto.FLOAT, [1, width])],
                                  [helper.make_tensor_value_info('logits', TensorProto.FLOAT, [1, self.n_labels])], init)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)])
        model.ir_version = 8
        onnx.checker.check_model(model)
        onnx.save(model, path)
